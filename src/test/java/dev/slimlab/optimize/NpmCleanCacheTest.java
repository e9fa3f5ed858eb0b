package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.dockerfile.Dockerfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class NpmCleanCacheTest {

    final NpmCleanCache optimization = new NpmCleanCache();

    @Test
    void appendsTheCleanAfterNpmAndYarnInstalls() {
        String before = """
                FROM node:20-bookworm-slim AS api
                WORKDIR /app
                COPY package*.json ./
                RUN npm ci && \\
                    npm install -g pm2
                FROM node:18-alpine AS web
                COPY package.json yarn.lock ./
                RUN yarn --frozen-lockfile --production
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(4, 8);
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM node:20-bookworm-slim AS api
                WORKDIR /app
                COPY package*.json ./
                RUN npm ci && \\
                    npm install -g pm2 && npm cache clean --force
                FROM node:18-alpine AS web
                COPY package.json yarn.lock ./
                RUN yarn --frozen-lockfile --production && yarn cache clean
                """);
    }

    @Test
    void alreadyCleanedCachesAndRunsWithoutAnInstallAreLeftAlone() {
        String clean = """
                FROM node:20-slim
                RUN npm ci --omit=dev && npm cache clean --force
                RUN yarn install && yarn cache clean
                RUN npm install -g npm@10 && rm -rf /root/.npm
                RUN npm run build
                """;
        assertThat(applied(optimization, clean)).isEqualTo(clean);
        assertThat(reasonsNotApplicable(optimization, clean)).containsExactly(
                "no npm or yarn install that leaves its cache in the image");
        String cleanedTooEarly = "FROM node:20-slim\nRUN npm cache clean --force && npm install\n";
        assertThat(applied(optimization, cleanedTooEarly))
                .isEqualTo("FROM node:20-slim\nRUN npm cache clean --force && npm install && npm cache clean --force\n");
    }

    @Test
    void aCacheMountOrYarnBerryIsNotApplicableWithTheReason() {
        String mounted = """
                FROM node:20-slim
                RUN --mount=type=cache,target=/root/.npm npm ci
                """;
        assertThat(applied(optimization, mounted)).isEqualTo(mounted);
        assertThat(reasonsNotApplicable(optimization, mounted)).singleElement().asString()
                .contains("mounts a build cache at /root/.npm", "not stored in the image");
        String otherUser = "FROM node:20-slim\nUSER node\nRUN --mount=type=cache,target=/home/node/.npm,uid=1000 npm ci\n";
        assertThat(applied(optimization, otherUser)).isEqualTo(otherUser);
        // a cache mounted elsewhere leaves npm's own cache in the layer
        assertThat(applied(optimization, "FROM node:20-slim\nRUN --mount=type=cache,target=/root/.cache/pip npm ci\n"))
                .isEqualTo("FROM node:20-slim\nRUN --mount=type=cache,target=/root/.cache/pip npm ci && npm cache clean --force\n");
        String berry = """
                FROM node:20-slim
                COPY .yarnrc.yml package.json yarn.lock ./
                RUN corepack enable && yarn install --immutable
                """;
        assertThat(applied(optimization, berry)).isEqualTo(berry);
        assertThat(reasonsNotApplicable(optimization, berry)).singleElement().asString()
                .contains("Yarn 2+ (Berry)").contains("Plug'n'Play");
        Dockerfile copiesAll = project("FROM node:20-slim\nCOPY . .\nRUN yarn install\n").dockerfile();
        Project berryContext = Project.of(copiesAll, new ContextFiles(List.of(".yarnrc.yml", "src"), false));
        assertThat(optimization.apply(berryContext).changed()).isFalse();
        assertThat(optimization.findings(berryContext)).singleElement().extracting(Finding::message).asString()
                .contains("Yarn 2+");
        assertThat(optimization.apply(Project.of(copiesAll)).changed()).isTrue();
    }

    @Test
    void heredocScriptsSudoAndBacktickEscapes() {
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                ARG NODE=20
                FROM node:${NODE}-slim
                RUN <<EOF
                set -e
                npm ci
                yarn install
                EOF
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                ARG NODE=20
                FROM node:${NODE}-slim
                RUN <<EOF
                set -e
                npm ci
                yarn install
                npm cache clean --force
                yarn cache clean
                EOF
                """);
        assertThat(applied(optimization, "# escape=`\nFROM node:20\nRUN cd /app && `\n    sudo npm i\n"))
                .isEqualTo("# escape=`\nFROM node:20\nRUN cd /app && `\n    sudo npm i && sudo npm cache clean --force\n");
    }
}
