package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoveBuildDepsTest {

    final RemoveBuildDeps optimization = new RemoveBuildDeps();

    @Test
    void purgesCompilersAndHeadersAfterThePipInstallThatNeededThem() {
        String before = """
                FROM python:3.10-slim
                WORKDIR /app
                COPY requirements.txt .
                RUN apt-get update && \\
                    DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends gcc libpq-dev=15.6-0+deb12u1 libpq5 && \\
                    pip install --no-cache-dir -r requirements.txt && \\
                    rm -rf /var/lib/apt/lists/*
                COPY . .
                CMD ["python", "app.py"]
                """;
        assertThat(applicable(optimization, before)).singleElement().extracting(Finding::message).asString()
                .startsWith("append apt-get purge -y --auto-remove gcc libpq-dev to the RUN: gcc and libpq-dev are "
                        + "only needed by the pip install in this RUN")
                .contains("libpq5 goes with libpq-dev");
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM python:3.10-slim
                WORKDIR /app
                COPY requirements.txt .
                RUN apt-get update && \\
                    DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends gcc libpq-dev=15.6-0+deb12u1 libpq5 && \\
                    pip install --no-cache-dir -r requirements.txt && \\
                    rm -rf /var/lib/apt/lists/* && apt-get purge -y --auto-remove gcc libpq-dev
                COPY . .
                CMD ["python", "app.py"]
                """);
        assertThat(optimization.apply(project(before)).notes()).extracting(ChangeNote::message)
                .containsExactly("apt-get purge -y --auto-remove gcc libpq-dev appended after the pip install");
    }

    @Test
    void alpineDeletesTheVirtualBuildGroupOrTheBuildPackagesByName() {
        assertThat(applied(optimization, """
                FROM python:3.12-alpine
                RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \\
                 && apk add --no-cache --virtual .rundeps libffi \\
                 && pip install --no-cache-dir cryptography
                FROM alpine:3.19 AS tools
                RUN apk add --no-cache build-base git && make -C /src && apk add --no-cache curl
                COPY --from=0 /usr/local /usr/local
                """)).isEqualTo("""
                FROM python:3.12-alpine
                RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \\
                 && apk add --no-cache --virtual .rundeps libffi \\
                 && pip install --no-cache-dir cryptography
                FROM alpine:3.19 AS tools
                RUN apk add --no-cache build-base git && make -C /src && apk add --no-cache curl && apk del build-base
                COPY --from=0 /usr/local /usr/local
                """);
        // the first stage is not the image: only /usr/local is copied out of it
        assertThat(reasonsNotApplicable(optimization, """
                FROM python:3.12-alpine
                RUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install cffi
                FROM python:3.12-alpine
                COPY --from=0 /usr/local /usr/local
                """)).singleElement().asString().isEqualTo(".build-deps is installed in build stage 0, which is not "
                + "the final image: only the files copied out of it ship, so removing them there saves nothing");
    }

    @Test
    void buildPackagesUsedByALaterRunOrNeverUsedStay() {
        String split = """
                FROM python:3.11-slim AS app
                RUN apt-get update && apt-get install -y --no-install-recommends build-essential python3-dev
                COPY requirements.txt .
                RUN pip install -r requirements.txt
                """;
        assertThat(applied(optimization, split)).isEqualTo(split);
        assertThat(reasonsNotApplicable(optimization, split)).containsExactly(
                "build-essential and python3-dev are used by the pip install of the RUN on line 4: removing them "
                        + "here would break it; combining the RUNs (the combine-runs optimization) makes this applicable");
        String unused = """
                FROM ruby:3.3-slim
                RUN apt-get update && apt-get install -y libpq-dev && rm -rf /var/lib/apt/lists/*
                CMD ["bin/rails", "server"]
                """;
        assertThat(applied(optimization, unused)).isEqualTo(unused);
        assertThat(reasonsNotApplicable(optimization, unused)).singleElement().asString()
                .startsWith("libpq-dev is not used by a build step").endsWith("they are probably needed at run time, so they stay");
    }

    @Test
    void aCompilerTheCommandRunsAtRunTimeStays() {
        String runsMake = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y make gcc && make -C /src build
                CMD ["make", "-C", "/src", "serve"]
                """;
        assertThat(applied(optimization, runsMake)).isEqualTo(runsMake);
        assertThat(reasonsNotApplicable(optimization, runsMake)).containsExactly(
                "the CMD on line 3 runs make: it is needed at run time, so make and gcc stay");
    }

    @Test
    void alreadyRemovedOrNoBuildPackagesIsNothingToDo() {
        String removed = """
                FROM python:3.12-slim
                ENV buildDeps="gcc libffi-dev"
                RUN apt-get update && apt-get install -y $buildDeps && pip install cffi && apt-get purge -y --auto-remove $buildDeps
                RUN apt-get update && apt-get install -y gcc curl && pip install psutil && apt-get purge -y gcc
                RUN apk add --virtual .build-deps gcc && pip install x && apk del .build-deps
                RUN apt-get update && apt-get install -y curl ca-certificates && curl -fsSL https://example.org | sh
                RUN set -eux; \
                    savedAptMark="$(apt-mark showmanual)"; \
                    apt-get update; \
                    apt-get install -y --no-install-recommends gcc libc6-dev make; \
                    make -C /usr/src/redis install; \
                    apt-mark auto '.*' > /dev/null; \
                    apt-mark manual $savedAptMark > /dev/null; \
                    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false
                """;
        assertThat(applied(optimization, removed)).isEqualTo(removed);
        assertThat(reasonsNotApplicable(optimization, removed)).containsExactly(
                "no compilers or -dev packages installed and left in the image");
    }

    @Test
    void heredocsConfigureAndMakeCompoundCommandsSudoAndBacktickEscapes() {
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                ARG DEBIAN=bookworm
                FROM debian:${DEBIAN}-slim
                ADD https://example.org/tool-1.0.tar.gz /src/
                RUN <<EOF
                set -eux
                apt-get update
                apt-get install -y --no-install-recommends make gcc-12 libssl-dev
                cd /src/tool-1.0 && ./configure --prefix=/usr/local && make && make install
                EOF
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                ARG DEBIAN=bookworm
                FROM debian:${DEBIAN}-slim
                ADD https://example.org/tool-1.0.tar.gz /src/
                RUN <<EOF
                set -eux
                apt-get update
                apt-get install -y --no-install-recommends make gcc-12 libssl-dev
                cd /src/tool-1.0 && ./configure --prefix=/usr/local && make && make install
                apt-get purge -y --auto-remove make gcc-12 libssl-dev
                EOF
                """);
        assertThat(applied(optimization, """
                FROM python:3.12-slim
                RUN if [ "$TARGETARCH" = "arm64" ]; then \
                      apt-get update && apt-get install -y gcc && pip install --no-binary :all: psutil; \
                    fi
                """)).isEqualTo("""
                FROM python:3.12-slim
                RUN if [ "$TARGETARCH" = "arm64" ]; then \
                      apt-get update && apt-get install -y gcc && pip install --no-binary :all: psutil; \
                    fi && apt-get purge -y --auto-remove gcc
                """);
        assertThat(applied(optimization, "# escape=`\nFROM ruby:3.3-slim\nRUN sudo apt-get install -y g++ `\n    && gem install nokogiri\n"))
                .isEqualTo("# escape=`\nFROM ruby:3.3-slim\nRUN sudo apt-get install -y g++ `\n    && gem install nokogiri"
                        + " && sudo apt-get purge -y --auto-remove g++\n");
    }
}
