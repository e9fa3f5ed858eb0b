# syntax=docker/dockerfile:1
# Base image for ACME frontend services. Downstream Dockerfiles are just:
#   FROM acme/node-onbuild:20
FROM node:20-bookworm-slim
LABEL org.opencontainers.image.description="Base image for ACME frontend services"
WORKDIR /app
ENV NODE_ENV=production

ONBUILD ARG NPM_REGISTRY=https://registry.npmjs.org/
ONBUILD COPY package*.json ./
ONBUILD RUN <<EOF
set -e
npm config set registry "$NPM_REGISTRY"
npm ci --omit=dev
npm cache clean --force
EOF
ONBUILD COPY . .
ONBUILD RUN npm run build --if-present

USER node
EXPOSE 3000
CMD ["node", "index.js"]
