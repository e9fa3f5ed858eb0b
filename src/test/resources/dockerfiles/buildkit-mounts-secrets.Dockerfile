# syntax=docker/dockerfile:1
# Build with:
#   docker build --secret id=npmrc,src=$HOME/.npmrc --secret id=sentry_token,env=SENTRY_AUTH_TOKEN --ssh default .
FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc \
    --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci

FROM alpine:3.20 AS private-src
RUN apk add --no-cache git openssh-client \
 && mkdir -p -m 0700 ~/.ssh \
 && ssh-keyscan github.com >> ~/.ssh/known_hosts
RUN --mount=type=ssh git clone --depth 1 git@github.com:acme/design-tokens.git /tokens

FROM deps AS build
COPY --from=private-src /tokens /app/vendor/design-tokens
COPY . .
RUN --mount=type=secret,id=sentry_token,env=SENTRY_AUTH_TOKEN npm run build
RUN --network=none npm test -- --ci
RUN --mount=type=tmpfs,target=/tmp --mount=type=bind,from=private-src,source=/tokens,target=/mnt/tokens \
    npm run lint -- --config /mnt/tokens/.eslintrc.json

FROM nginx:alpine
COPY --from=build --link /app/dist /usr/share/nginx/html
