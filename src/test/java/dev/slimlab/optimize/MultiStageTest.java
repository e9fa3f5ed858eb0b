package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultiStageTest {

    final MultiStage optimization = new MultiStage();

    @Test
    void describesItselfAsAHighRiskLayersRewrite() {
        assertThat(optimization.id()).isEqualTo("multi-stage");
        assertThat(optimization.risk()).isEqualTo(Risk.HIGH);
        assertThat(optimization.category()).isEqualTo(Category.LAYERS);
        assertThat(optimization.hadolint()).isEqualTo(Optional.empty());
    }

    @Test
    void pythonServiceBuildsItsWheelsInABuilderAndCopiesOnlyTheInstalledPackages() {
        String before = """
                # syntax=docker/dockerfile:1
                # The orders API
                FROM python:3.10
                ENV PYTHONDONTWRITEBYTECODE=1
                # compilers for psycopg2
                RUN apt-get update && apt-get install -y gcc libpq-dev && rm -rf /var/lib/apt/lists/*
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                COPY . .
                ENV PYTHONUBUFFERED=1
                USER nobody
                EXPOSE 8000
                HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
                CMD ["gunicorn", "-b", "0.0.0.0:8000", "orders.wsgi"]
                """;
        assertThat(applicable(optimization, before)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).startsWith("Python: pip install (line 9) moves to a builder stage")
                    .contains("build deps gcc, libpq-dev stay in the builder");
        });
        assertThat(applied(optimization, before)).isEqualTo("""
                # syntax=docker/dockerfile:1
                # The orders API
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM python:3.10 AS builder
                ENV PYTHONDONTWRITEBYTECODE=1
                # compilers for psycopg2
                RUN apt-get update && apt-get install -y gcc libpq-dev && rm -rf /var/lib/apt/lists/*
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --prefix=/install --no-cache-dir -r requirements.txt

                # runtime stage: only what the app needs to run
                FROM python:3.10
                ENV PYTHONDONTWRITEBYTECODE=1
                WORKDIR /app
                COPY --from=builder /install /usr/local
                COPY . .
                ENV PYTHONUBUFFERED=1
                USER nobody
                EXPOSE 8000
                HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
                CMD ["gunicorn", "-b", "0.0.0.0:8000", "orders.wsgi"]
                """);
        assertThat(optimization.apply(project(before)).notes()).extracting(ChangeNote::line).containsExactly(3, 6, 8, 9);
    }

    @Test
    void argBasedFromAndContinuationLinesKeepTheRuntimeLibraries() {
        String before = """
                ARG PY=3.10
                FROM python:${PY}
                ARG APP_HOME=/srv/app
                RUN apt-get update \\
                 && DEBIAN_FRONTEND=noninteractive apt-get -y install \\
                      build-essential \\
                      libpq-dev \\
                      libpq5 \\
                 && rm -rf /var/lib/apt/lists/*
                WORKDIR ${APP_HOME}
                COPY requirements/ requirements/
                RUN python -m pip install --upgrade pip \\
                 && python -m pip install -r requirements/prod.txt
                COPY src/ ./src/
                CMD ["python", "-m", "src.main"]
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                ARG PY=3.10
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM python:${PY} AS builder
                ARG APP_HOME=/srv/app
                RUN apt-get update \\
                 && DEBIAN_FRONTEND=noninteractive apt-get -y install \\
                      build-essential \\
                      libpq-dev \\
                      libpq5 \\
                 && rm -rf /var/lib/apt/lists/*
                WORKDIR ${APP_HOME}
                COPY requirements/ requirements/
                RUN python -m pip install --upgrade pip \\
                 && python -m pip install --prefix=/install -r requirements/prod.txt

                # runtime stage: only what the app needs to run
                FROM python:${PY}
                ARG APP_HOME=/srv/app
                RUN apt-get update \\
                 && DEBIAN_FRONTEND=noninteractive apt-get -y install \\
                      libpq5 \\
                 && rm -rf /var/lib/apt/lists/*
                WORKDIR ${APP_HOME}
                COPY requirements/ requirements/
                COPY --from=builder /install /usr/local
                COPY src/ ./src/
                CMD ["python", "-m", "src.main"]
                """);
    }

    @Test
    void nodeServiceInstallsOnlyProductionDependenciesNextToTheBuildOutput() {
        String before = """
                FROM node:20-bookworm
                ENV NODE_ENV=production
                WORKDIR /usr/src/app

                # dependencies first, for the layer cache
                COPY package.json package-lock.json ./
                RUN npm ci --include=dev

                COPY . .
                RUN npm run build

                EXPOSE 3000
                USER node
                CMD ["node", "dist/server.js"]
                """;
        assertThat(applicable(optimization, before)).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("Node: npm ci --include=dev and npm run build (lines 7, 10) move to a builder stage"));
        assertThat(applied(optimization, before)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM node:20-bookworm AS builder
                ENV NODE_ENV=production
                WORKDIR /usr/src/app

                # dependencies first, for the layer cache
                COPY package.json package-lock.json ./
                RUN npm ci --include=dev

                COPY . .
                RUN npm run build

                # runtime stage: only what the app needs to run
                FROM node:20-bookworm
                ENV NODE_ENV=production
                WORKDIR /usr/src/app

                COPY --from=builder /usr/src/app/package*.json ./
                RUN npm ci --omit=dev
                COPY --from=builder /usr/src/app/dist ./dist

                EXPOSE 3000
                USER node
                CMD ["node", "dist/server.js"]
                """);
    }

    @Test
    void javaMavenServiceRunsItsJarOnTheMatchingJre() {
        String before = """
                FROM maven:3.9-eclipse-temurin-17
                WORKDIR /workspace
                COPY pom.xml .
                RUN mvn -B -q dependency:go-offline
                COPY src ./src
                RUN mvn -B -q package -DskipTests
                EXPOSE 8080
                ENV JAVA_OPTS="-Xmx512m"
                USER 1000
                ENTRYPOINT ["java", "-jar", "target/inventory-1.4.0.jar"]
                """;
        assertThat(applicable(optimization, before)).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("Java (Maven): `mvn -B -q package -DskipTests` (line 6) moves to a builder stage")
                .contains("eclipse-temurin:17-jre"));
        assertThat(applied(optimization, before)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM maven:3.9-eclipse-temurin-17 AS builder
                WORKDIR /workspace
                COPY pom.xml .
                RUN mvn -B -q dependency:go-offline
                COPY src ./src
                RUN mvn -B -q package -DskipTests

                # runtime stage: only what the app needs to run
                FROM eclipse-temurin:17-jre
                WORKDIR /workspace
                COPY --from=builder /workspace/target/inventory-1.4.0.jar target/inventory-1.4.0.jar
                EXPOSE 8080
                ENV JAVA_OPTS="-Xmx512m"
                USER 1000
                ENTRYPOINT ["java", "-jar", "target/inventory-1.4.0.jar"]
                """);
    }

    @Test
    void buildDepsInstalledAndPurgedInThePipRunStayInTheBuilder() {
        assertThat(applied(optimization, """
                FROM python:3.11-bookworm
                WORKDIR /app
                COPY requirements.txt /tmp/
                RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libpq5 \\
                    && pip install --no-cache-dir -r /tmp/requirements.txt \\
                    && apt-get purge -y gcc libpq-dev && apt-get autoremove -y \\
                    && rm -rf /var/lib/apt/lists/*
                COPY . .
                CMD ["python", "app.py"]
                """)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM python:3.11-bookworm AS builder
                WORKDIR /app
                COPY requirements.txt /tmp/
                RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libpq5 \\
                    && pip install --prefix=/install --no-cache-dir -r /tmp/requirements.txt \\
                    && apt-get purge -y gcc libpq-dev && apt-get autoremove -y \\
                    && rm -rf /var/lib/apt/lists/*

                # runtime stage: only what the app needs to run
                FROM python:3.11-bookworm
                WORKDIR /app
                COPY --from=builder /install /usr/local
                RUN apt-get update && apt-get install -y --no-install-recommends libpq5 \\
                    && apt-get autoremove -y \\
                    && rm -rf /var/lib/apt/lists/*
                COPY . .
                CMD ["python", "app.py"]
                """);
    }

    @Test
    void commandsThatUseTheInstalledPackagesRunInTheRuntimeStageOnly() {
        String before = """
                FROM python:3.10
                ENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install -r requirements.txt
                RUN pip install playwright==1.44.0 && playwright install --with-deps chromium
                COPY . .
                CMD ["python", "-m", "app"]
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM python:3.10 AS builder
                ENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --prefix=/install -r requirements.txt
                RUN pip install --prefix=/install playwright==1.44.0

                # runtime stage: only what the app needs to run
                FROM python:3.10
                ENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright
                WORKDIR /app
                COPY --from=builder /install /usr/local
                RUN playwright install --with-deps chromium
                COPY . .
                CMD ["python", "-m", "app"]
                """);
        assertThat(optimization.apply(project(before)).notes()).extracting(ChangeNote::message)
                .contains("`playwright install --with-deps chromium` runs in the runtime stage only, after the "
                        + "installed packages are copied in");
    }

    @Test
    void heredocScriptsAndCrlfFilesWithoutAFinalNewline() {
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                FROM python:3.12
                WORKDIR /app
                COPY requirements.txt .
                RUN <<EOT
                set -e
                apt-get update
                apt-get install -y build-essential
                pip install -r requirements.txt
                EOT
                CMD ["python", "-m", "app"]
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM python:3.12 AS builder
                WORKDIR /app
                COPY requirements.txt .
                RUN <<EOT
                set -e
                apt-get update
                apt-get install -y build-essential
                pip install --prefix=/install -r requirements.txt
                EOT

                # runtime stage: only what the app needs to run
                FROM python:3.12
                WORKDIR /app
                COPY --from=builder /install /usr/local
                CMD ["python", "-m", "app"]
                """);
        String crlf = "FROM python:3.10\r\nWORKDIR /app\r\nCOPY requirements.txt .\r\n"
                + "RUN pip install -r requirements.txt\r\nCOPY . .\r\nCMD [\"python\", \"main.py\"]";
        assertThat(applied(optimization, crlf)).isEqualTo(String.join("\r\n",
                "# builder stage (added by SlimLab multi-stage): build-only work",
                "FROM python:3.10 AS builder",
                "WORKDIR /app",
                "COPY requirements.txt .",
                "RUN pip install --prefix=/install -r requirements.txt",
                "",
                "# runtime stage: only what the app needs to run",
                "FROM python:3.10",
                "WORKDIR /app",
                "COPY --from=builder /install /usr/local",
                "COPY . .",
                "CMD [\"python\", \"main.py\"]"));
    }

    @Test
    void aStageAlreadyNamedBuilderGetsABuilderOfAnotherName() {
        assertThat(applied(optimization, """
                FROM python:3.12 AS builder
                COPY requirements.txt .
                RUN pip install -r requirements.txt
                """)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM python:3.12 AS build
                COPY requirements.txt .
                RUN pip install --prefix=/install -r requirements.txt

                # runtime stage: only what the app needs to run
                FROM python:3.12 AS builder
                COPY --from=build /install /usr/local
                """);
    }

    @Test
    void yarnKeepsItsLockfileAndFilesCopiedOutsideTheWorkdirStayInTheRuntimeStage() {
        assertThat(applied(optimization, """
                FROM node:18-alpine
                WORKDIR /app
                COPY package.json yarn.lock ./
                RUN yarn install --frozen-lockfile
                COPY . .
                RUN yarn build
                COPY docker-entrypoint.sh /usr/local/bin/
                ENTRYPOINT ["docker-entrypoint.sh"]
                CMD ["yarn", "start"]
                """)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM node:18-alpine AS builder
                WORKDIR /app
                COPY package.json yarn.lock ./
                RUN yarn install --frozen-lockfile
                COPY . .
                RUN yarn build

                # runtime stage: only what the app needs to run
                FROM node:18-alpine
                WORKDIR /app
                COPY --from=builder /app/package.json /app/yarn.lock ./
                RUN yarn install --production --frozen-lockfile
                COPY --from=builder /app/dist ./dist
                COPY docker-entrypoint.sh /usr/local/bin/
                ENTRYPOINT ["docker-entrypoint.sh"]
                CMD ["yarn", "start"]
                """);
    }

    @Test
    void theOutputFolderComesFromTheBuildCommandAndTheInstallKeepsItsMountsAndNpmrc() {
        assertThat(applied(optimization, """
                FROM node:20
                WORKDIR /app
                COPY package*.json .npmrc ./
                RUN --mount=type=cache,target=/root/.npm npm install
                COPY . .
                RUN npm run build -- --outDir=out
                CMD node out/index.js
                """)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM node:20 AS builder
                WORKDIR /app
                COPY package*.json .npmrc ./
                RUN --mount=type=cache,target=/root/.npm npm install
                COPY . .
                RUN npm run build -- --outDir=out

                # runtime stage: only what the app needs to run
                FROM node:20
                WORKDIR /app
                COPY --from=builder /app/package*.json /app/.npmrc ./
                RUN --mount=type=cache,target=/root/.npm npm install --omit=dev
                COPY --from=builder /app/out ./out
                CMD node out/index.js
                """);
    }

    @Test
    void gradleJarRunByAShellFormEntrypoint() {
        assertThat(applied(optimization, """
                FROM gradle:8.5-jdk17
                WORKDIR /home/gradle/project
                COPY --chown=gradle:gradle . .
                RUN ./gradlew build -x test --no-daemon
                EXPOSE 8080
                ENTRYPOINT java -Xmx256m -jar build/libs/app-0.1.jar
                """)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM gradle:8.5-jdk17 AS builder
                WORKDIR /home/gradle/project
                COPY --chown=gradle:gradle . .
                RUN ./gradlew build -x test --no-daemon

                # runtime stage: only what the app needs to run
                FROM eclipse-temurin:17-jre
                WORKDIR /home/gradle/project
                COPY --from=builder /home/gradle/project/build/libs/app-0.1.jar build/libs/app-0.1.jar
                EXPOSE 8080
                ENTRYPOINT java -Xmx256m -jar build/libs/app-0.1.jar
                """);
    }

    @Test
    void theJdkVersionArgStaysAVariableAndAlpineBuildsRunOnTheAlpineJre() {
        assertThat(applied(optimization, """
                ARG JDK=21
                FROM maven:3.9-eclipse-temurin-${JDK}-alpine
                RUN adduser -D app
                WORKDIR /app
                COPY . .
                RUN mvn -B package && cp target/*.jar /app.jar
                USER app
                CMD ["java", "-jar", "/app.jar"]
                """)).isEqualTo("""
                ARG JDK=21
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM maven:3.9-eclipse-temurin-${JDK}-alpine AS builder
                RUN adduser -D app
                WORKDIR /app
                COPY . .
                RUN mvn -B package && cp target/*.jar /app.jar

                # runtime stage: only what the app needs to run
                FROM eclipse-temurin:${JDK}-jre-alpine
                RUN adduser -D app
                WORKDIR /app
                COPY --from=builder /app.jar /app.jar
                USER app
                CMD ["java", "-jar", "/app.jar"]
                """);
    }

    @Test
    void aJarMovedAfterTheBuildIsCopiedFromWhereItLandsAndAnotherVendorIsNamed() {
        String before = """
                FROM maven:3.8-amazoncorretto-11
                WORKDIR /build
                COPY . .
                RUN mvn package
                RUN mv target/*.jar app.jar
                CMD ["sh", "-c", "java $JAVA_OPTS -jar app.jar"]
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                # builder stage (added by SlimLab multi-stage): build-only work
                FROM maven:3.8-amazoncorretto-11 AS builder
                WORKDIR /build
                COPY . .
                RUN mvn package
                RUN mv target/*.jar app.jar

                # runtime stage: only what the app needs to run
                FROM eclipse-temurin:11-jre
                WORKDIR /build
                COPY --from=builder /build/app.jar app.jar
                CMD ["sh", "-c", "java $JAVA_OPTS -jar app.jar"]
                """);
        assertThat(applicable(optimization, before)).singleElement().extracting(Finding::message).asString()
                .contains("a different JDK build than maven:3.8-amazoncorretto-11");
    }

    @Test
    void theResultIsAlreadyMultiStage() {
        Project once = optimization.apply(project("FROM python:3.12\nRUN pip install flask\n")).project();
        assertThat(optimization.findings(once)).singleElement().satisfies(f -> {
            assertThat(f.applies()).isFalse();
            assertThat(f.message()).contains("already multi-stage (2 stages)");
        });
    }

    @Test
    void whatCannotBePlacedWithConfidenceIsNotApplicableWithTheReason() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("FROM python:3.12\nRUN pip install --user flask\n", "--user installs into the user's home");
        reasons.put("FROM python:3.12\nWORKDIR /src\nCOPY . .\nRUN pip install -e .\n", "editable mode");
        reasons.put("FROM python:3.11\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\n"
                + "COPY requirements.txt .\nRUN pip install -r requirements.txt\n", "virtualenv");
        reasons.put("FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install flask\n",
                "not the official python image");
        reasons.put("FROM python:3.12\nRUN pip install -r requirements.txt\n", "no COPY before it brings that file in");
        reasons.put("FROM python:3.12\nCOPY . .\nRUN ./configure.sh && pip install .\n", "runs `./configure.sh` before it");
        reasons.put("FROM python:3.12\nUSER app\nCOPY r.txt .\nRUN pip install -r r.txt\n", "runs as user app");
        reasons.put("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"node\", \"server.js\"]\n",
                "runs server.js, which is not in the build output dist/");
        reasons.put("FROM node:20\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"npm\", \"start\"]\n", "no WORKDIR");
        reasons.put("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"npm\", \"run\", \"dev\"]\n",
                "development server");
        reasons.put("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD [\"java\", \"-jar\", \"target/app.jar\"]\n",
                "the JDK major version of maven:3.9 is unknown");
        reasons.put("FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn package\n"
                + "CMD [\"java\", \"-cp\", \"target/classes\", \"app.Main\"]\n", "the build step's outputs cannot be located");
        reasons.put("FROM gradle:8.7-jdk21\nWORKDIR /src\nCOPY . .\nRUN gradle :app:bootJar\nUSER gradle\n"
                + "CMD [\"java\", \"-jar\", \"app/build/libs/app.jar\"]\n", "USER gradle comes with the gradle:8.7-jdk21 image");
        reasons.put("FROM maven:3.9-amazoncorretto-17\nWORKDIR /app\nCOPY . .\nRUN mvn package\n"
                + "RUN yum install -y shadow-utils\nCMD [\"java\", \"-jar\", \"target/app.jar\"]\n", "does not have yum");
        reasons.put("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n"
                + "RUN npm ci && npm run build\n", "more than one toolchain (pip, npm/yarn)");
        reasons.put("# syntax = edrevo/dockerfile-plus\nFROM python:3.11-slim\nINCLUDE+ docker/common.Dockerfile\n"
                + "COPY requirements.txt .\nRUN pip install -r requirements.txt\n", "INCLUDE+ is not a Dockerfile instruction");
        reasons.forEach((text, reason) -> {
            assertThat(applied(optimization, text)).as(text).isEqualTo(text);
            assertThat(reasonsNotApplicable(optimization, text)).as(text).singleElement().asString().contains(reason);
        });
    }

    @Test
    void alreadyMultiStageIsLeftAlone() {
        String text = """
                FROM python:3.12 AS build
                RUN pip install --prefix=/install flask
                FROM python:3.12-slim
                COPY --from=build /install /usr/local
                """;
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("already multi-stage (2 stages)");
    }

    @Test
    void nothingToBuildIsNotApplicable() {
        String text = "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n";
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("no recognised build step");
        String installOnly = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n";
        assertThat(applied(optimization, installOnly)).isEqualTo(installOnly);
        assertThat(reasonsNotApplicable(optimization, installOnly)).singleElement().asString()
                .contains("nothing is built after it");
    }

    @Test
    void windowsEscapeFilesAreNotApplicable() {
        String text = "# escape=`\nFROM python:3.10-windowsservercore\nRUN pip install `\n    flask\n";
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString().contains("escape=`");
    }

    @Test
    void anAppThatRunsFromTheBuildToolIsNotApplicable() {
        String text = """
                FROM maven:3.9-eclipse-temurin-21
                WORKDIR /app
                COPY . .
                RUN mvn -B package
                CMD mvn spring-boot:run
                """;
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("runs from the build tool (mvn spring-boot:run)");
    }
}
