FROM node:20-alpine

ENV NODE_ENV=production
WORKDIR /usr/src/app

# Install dependencies first to take advantage of layer caching
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .

RUN chown -R node:node /usr/src/app
USER node

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s \
  CMD wget -qO- http://localhost:3000/health || exit 1

CMD ["node", "server.js"]
