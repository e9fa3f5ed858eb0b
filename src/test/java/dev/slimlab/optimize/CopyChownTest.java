package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyChownTest {

    final CopyChown optimization = new CopyChown();

    @Test
    void movesTheOwnerIntoTheCopyAndDropsTheRunThatOnlyChowned() {
        String before = """
                FROM python:3.12-slim
                RUN useradd --create-home app
                COPY src/ /opt/service/
                RUN chown -R app:app /opt/service
                USER app
                CMD ["python", "/opt/service/main.py"]
                """;
        assertThat(applicable(optimization, before)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("--chown=app:app").contains("line 4");
        });
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM python:3.12-slim
                RUN useradd --create-home app
                COPY --chown=app:app src/ /opt/service/
                USER app
                CMD ["python", "/opt/service/main.py"]
                """);
        assertThat(optimization.apply(project(before)).notes()).singleElement().asString()
                .contains("--chown=app:app added").contains("removed");
    }

    @Test
    void removesOnlyTheChownFromALongerRunAcrossContinuations() {
        assertThat(applied(optimization, """
                FROM eclipse-temurin:17-jre
                RUN useradd --system spring
                COPY lib/ /opt/lib/
                RUN apt-get update && \\
                    chown -R spring:spring /opt/lib && \\
                    rm -rf /var/lib/apt/lists/*
                COPY conf /opt/app/conf
                RUN chown -Rv spring /opt/app/conf/ && echo configured
                """)).isEqualTo("""
                FROM eclipse-temurin:17-jre
                RUN useradd --system spring
                COPY --chown=spring:spring lib/ /opt/lib/
                RUN apt-get update && \\
                    rm -rf /var/lib/apt/lists/*
                COPY --chown=spring conf /opt/app/conf
                RUN echo configured
                """);
    }

    @Test
    void aFolderTheWorkdirMadeKeepsANonRecursiveChownOfItself() {
        assertThat(applied(optimization, """
                FROM node:20-slim
                WORKDIR /app
                COPY . .
                RUN chown -R node:node /app
                USER node
                """)).isEqualTo("""
                FROM node:20-slim
                WORKDIR /app
                COPY --chown=node:node . .
                RUN chown node:node /app
                USER node
                """);
    }

    @Test
    void hereDocumentScriptsCopiesFromOtherStagesAndFoldersTheBaseImageMayFill() {
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                FROM node:20 AS build
                RUN npm ci && npm run build
                FROM nginx:1.27
                COPY --from=build /src/dist /usr/share/nginx/html/app
                COPY nginx.conf /etc/nginx/conf.d/app.conf
                RUN <<EOF
                set -e
                chown -R nginx:nginx /usr/share/nginx/html/app
                EOF
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                FROM node:20 AS build
                RUN npm ci && npm run build
                FROM nginx:1.27
                COPY --chown=nginx:nginx --from=build /src/dist /usr/share/nginx/html/app
                COPY nginx.conf /etc/nginx/conf.d/app.conf
                RUN <<EOF
                set -e
                chown nginx:nginx /usr/share/nginx/html/app
                EOF
                """);
    }

    @Test
    void warnsThatFilesTheBaseImageHasInASystemFolderKeepTheirOwner() {
        String before = """
                FROM nginx:1.27-alpine
                COPY public/ /usr/share/nginx/html/
                RUN chown -R nginx:nginx /usr/share/nginx/html \\
                    && find /usr/share/nginx/html -type f -exec chmod 644 {} \\;
                """;
        assertThat(applicable(optimization, before)).singleElement().extracting(Finding::message).asString()
                .contains("files the base image may already have in /usr/share/nginx/html would keep their owner");
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM nginx:1.27-alpine
                COPY --chown=nginx:nginx public/ /usr/share/nginx/html/
                RUN chown nginx:nginx /usr/share/nginx/html \\
                    && find /usr/share/nginx/html -type f -exec chmod 644 {} \\;
                """);
    }

    @Test
    void saysWhyWhenTheOwnerCannotMove() {
        String text = """
                FROM python:3.12-slim
                COPY . /app
                RUN useradd -r app && chown -R app /app
                COPY --chown=app static/ /srv/static/
                RUN chown -R app /srv/static
                COPY bin/ /opt/bin/
                RUN chown app /opt/bin
                COPY docs/ /opt/docs/
                RUN rm /opt/docs/draft.md
                RUN chown -R app /opt/docs
                COPY x /x
                RUN chown -R $APP_USER /x
                """;
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).hasSize(5)
                .anySatisfy(r -> assertThat(r).contains("the user or group app is created on line 3"))
                .anySatisfy(r -> assertThat(r).contains("already has --chown"))
                .anySatisfy(r -> assertThat(r).contains("not recursive"))
                .anySatisfy(r -> assertThat(r).contains("RUN on line 9 (rm /opt/docs/draft.md) touches /opt/docs"))
                .anySatisfy(r -> assertThat(r).contains("$APP_USER is not a plain user"));
    }

    @Test
    void stepsThatWriteIntoTheFolderFirstKeepTheChown() {
        String text = """
                FROM node:20-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci
                COPY . .
                RUN npm run build && chown -R node:node /app
                """;
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).hasSize(2)
                .anySatisfy(r -> assertThat(r).contains("runs in /app (the WORKDIR) before the chown"))
                .anySatisfy(r -> assertThat(r).contains("files copied on line 3 are already in /app"));
    }

    @Test
    void aFolderMadeByMkdirKeepsItsOwnChownButSubfoldersMadeEarlierBlock() {
        assertThat(applied(optimization, """
                FROM ruby:3.3-slim
                RUN useradd rails && mkdir -p /srv/app
                COPY . /srv/app
                RUN chown -R rails:rails /srv/app
                """)).isEqualTo("""
                FROM ruby:3.3-slim
                RUN useradd rails && mkdir -p /srv/app
                COPY --chown=rails:rails . /srv/app
                RUN chown rails:rails /srv/app
                """);
        String logs = """
                FROM ruby:3.3-slim
                RUN useradd rails && mkdir -p /srv/app/log /srv/app/tmp
                COPY . /srv/app
                RUN chown -R rails:rails /srv/app
                """;
        assertThat(applied(optimization, logs)).isEqualTo(logs);
        assertThat(reasonsNotApplicable(optimization, logs)).singleElement().asString()
                .contains("the RUN on line 2 (mkdir -p /srv/app/log /srv/app/tmp) put files in /srv/app");
    }

    @Test
    void backtickContinuationsAndArgBasedImagesAreHandled() {
        assertThat(applied(optimization, """
                # escape=`
                ARG BASE=debian:bookworm-slim
                FROM ${BASE}
                RUN useradd app
                COPY app/ /opt/app/
                RUN apt-get update && `
                    chown -R app /opt/app && `
                    echo done
                """)).isEqualTo("""
                # escape=`
                ARG BASE=debian:bookworm-slim
                FROM ${BASE}
                RUN useradd app
                COPY --chown=app app/ /opt/app/
                RUN apt-get update && `
                    echo done
                """);
    }

    @Test
    void nothingToDoWithoutAChown() {
        String text = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app\n";
        assertThat(applied(optimization, text)).isEqualTo(text);
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString().contains("no COPY followed by");
    }
}
