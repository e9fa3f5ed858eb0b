# syntax=docker/dockerfile:1
# Targets: dev, test, lint, artifacts, prod (default)
#   docker build --target test .
#   docker build --target artifacts --output type=local,dest=./out .
ARG NODE_VERSION=20
ARG ALPINE_VERSION=3.20

FROM node:${NODE_VERSION}-alpine${ALPINE_VERSION} AS base
WORKDIR /app
COPY package.json package-lock.json ./

FROM base AS deps-prod
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM base AS deps-dev
RUN --mount=type=cache,target=/root/.npm npm ci

FROM deps-dev AS dev
COPY . .
ENV NODE_ENV=development
CMD ["npm", "run", "dev"]

FROM deps-dev AS build
COPY . .
RUN npm run build

FROM build AS test
RUN npm test -- --coverage

FROM build AS lint
RUN npm run lint && npm run typecheck

FROM scratch AS artifacts
COPY --from=build /app/dist /

FROM node:${NODE_VERSION}-alpine${ALPINE_VERSION} AS prod
ARG NODE_VERSION
LABEL org.opencontainers.image.base.name="node:${NODE_VERSION}-alpine"
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps-prod /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
CMD ["node", "dist/main.js"]
