FROM node:20-bookworm

WORKDIR /tests

COPY package.json package-lock.json ./
RUN npm ci
# Browsers + their system dependencies (fonts, libnss3, ...)
RUN npx -y playwright@1.45.0 install --with-deps

COPY playwright.config.ts tsconfig.json ./
COPY e2e ./e2e

ENV CI=true
ARG BASE_URL=http://host.docker.internal:3000
ENV BASE_URL=${BASE_URL}

CMD ["npx", "playwright", "test", "--reporter=line,html"]
