package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NpmOmitDevTest {

    final NpmOmitDev optimization = new NpmOmitDev();

    @Test
    void addsOmitDevToAProjectInstallThatOnlyRunsTheApp() {
        assertThat(applied(optimization, """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci --no-audit && npm install -g pm2
                COPY . .
                CMD ["npm", "run", "start:prod"]
                """)).isEqualTo("""
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci --omit=dev --no-audit && npm install -g pm2
                COPY . .
                CMD ["npm", "run", "start:prod"]
                """);
        assertThat(applied(optimization, "FROM node:14-alpine\nCOPY . .\nRUN npm install --loglevel warn\nCMD node index.js\n"))
                .as("npm 6 ignores --omit").isEqualTo(
                        "FROM node:14-alpine\nCOPY . .\nRUN npm install --production --loglevel warn\nCMD node index.js\n");
    }

    @Test
    void aLaterBuildStepNeedsTheDevDependencies() {
        String build = """
                FROM node:20
                WORKDIR /app
                COPY package*.json ./
                RUN npm ci
                COPY . .
                RUN npm run build
                CMD ["npm", "start"]
                """;
        assertThat(applied(optimization, build)).isEqualTo(build);
        assertThat(reasonsNotApplicable(optimization, build)).containsExactly(
                "npm run build on line 6 needs the devDependencies (compilers, bundlers, test runners): the way to "
                        + "leave them out is a multi-stage build, which builds with everything and installs with "
                        + "--omit=dev in the stage that runs the app");
        String sameRun = "FROM node:20\nCOPY . .\nRUN npm install && npx tsc -p .\n";
        assertThat(reasonsNotApplicable(optimization, sameRun)).singleElement().asString().startsWith("npx tsc on line 3");
        String devServer = "FROM node:20\nCOPY . .\nRUN npm install\nCMD [\"npm\", \"run\", \"dev\"]\n";
        assertThat(applied(optimization, devServer)).isEqualTo(devServer);
        assertThat(reasonsNotApplicable(optimization, devServer)).singleElement().asString().startsWith("npm run dev on line 4");
    }

    @Test
    void inMultiStageBuildsOnlyTheRuntimeInstallGetsIt() {
        String before = """
                FROM node:20 AS deps
                WORKDIR /app
                COPY package*.json ./
                RUN npm ci
                FROM node:20 AS build
                WORKDIR /app
                COPY --from=deps /app/node_modules ./node_modules
                COPY . .
                RUN npm run build
                FROM node:20-slim
                WORKDIR /app
                COPY package*.json ./
                RUN npm ci
                COPY --from=build /app/dist ./dist
                CMD ["node", "dist/main.js"]
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(13);
        assertThat(reasonsNotApplicable(optimization, before)).singleElement().asString()
                .startsWith("npm run build on line 9 needs the devDependencies");
        assertThat(applied(optimization, before)).contains("RUN npm ci\nFROM node:20 AS build")
                .contains("RUN npm ci --omit=dev\nCOPY --from=build");
    }

    @Test
    void alreadyOmittedPackageInstallsAndExplicitDevInstallsAreLeftAlone() {
        String omitted = """
                FROM node:20-slim
                RUN npm ci --omit=dev && npm ci --omit dev && npm ci --only=production
                RUN npm install --production && NODE_ENV=production npm ci
                RUN npm install express@4 && npm i -g typescript
                """;
        assertThat(applied(optimization, omitted)).isEqualTo(omitted);
        assertThat(reasonsNotApplicable(optimization, omitted)).containsExactly(
                "no npm ci or npm install of a project that includes its devDependencies");
        String env = "FROM node:20-slim\nENV NODE_ENV production\nRUN npm ci\n";
        assertThat(applied(optimization, env)).isEqualTo(env);
        assertThat(reasonsNotApplicable(optimization, env)).singleElement().asString().startsWith("NODE_ENV=production is set");
        String include = "FROM node:20-slim\nRUN npm ci --include=dev\n";
        assertThat(reasonsNotApplicable(optimization, include)).singleElement().asString().contains("--include=dev");
    }

    @Test
    void heredocScriptsAndBacktickEscapes() {
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                ARG NODE_VERSION=20
                FROM node:${NODE_VERSION}-alpine
                WORKDIR /app
                COPY . .
                RUN <<EOF
                set -e
                npm ci
                EOF
                CMD ["node", "index.js"]
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                ARG NODE_VERSION=20
                FROM node:${NODE_VERSION}-alpine
                WORKDIR /app
                COPY . .
                RUN <<EOF
                set -e
                npm ci --omit=dev
                EOF
                CMD ["node", "index.js"]
                """);
        assertThat(applied(optimization, "# escape=`\nFROM node:20-slim\nRUN npm ci `\n    --no-audit\n"))
                .isEqualTo("# escape=`\nFROM node:20-slim\nRUN npm ci --omit=dev `\n    --no-audit\n");
    }
}
