# ---- build stage ----
FROM node:18-bullseye AS build
WORKDIR /app

COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --network-timeout 600000

COPY . .
ARG REACT_APP_API_URL=https://api.example.com
ENV REACT_APP_API_URL=$REACT_APP_API_URL
RUN CI=true yarn test --watchAll=false && yarn build

# ---- serve stage ----
FROM nginx:1.27-alpine
COPY --from=build /app/build /usr/share/nginx/html
COPY nginx/default.conf /etc/nginx/conf.d/default.conf
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
