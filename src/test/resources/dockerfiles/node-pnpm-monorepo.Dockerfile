# syntax=docker/dockerfile:1
FROM node:20-slim AS base
ENV PNPM_HOME="/pnpm"
ENV PATH="$PNPM_HOME:$PATH"
RUN corepack enable
WORKDIR /repo

FROM base AS fetch
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm fetch

FROM fetch AS build
COPY . .
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile --offline
RUN pnpm --filter "@acme/api..." run build
RUN pnpm deploy --filter=@acme/api --prod /out/api
RUN pnpm deploy --filter=@acme/worker --prod /out/worker

FROM base AS api
COPY --from=build /out/api /app
WORKDIR /app
ENV NODE_ENV=production
USER node
EXPOSE 4000
CMD ["node", "dist/index.js"]

FROM base AS worker
COPY --from=build /out/worker /app
WORKDIR /app
ENV NODE_ENV=production
USER node
CMD ["node", "dist/worker.js"]
