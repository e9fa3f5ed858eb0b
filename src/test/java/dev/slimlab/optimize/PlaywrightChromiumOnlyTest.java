package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaywrightChromiumOnlyTest {

    final PlaywrightChromiumOnly optimization = new PlaywrightChromiumOnly();

    @Test
    void aNodeTestImageInstallsOnlyChromium() {
        String before = """
                FROM node:20-bookworm
                WORKDIR /e2e
                COPY package.json package-lock.json ./
                RUN npm ci && npx playwright install --with-deps
                COPY tests ./tests
                CMD ["npx", "playwright", "test"]
                """;
        assertThat(applied(optimization, before)).isEqualTo(before.replace(
                "npx playwright install --with-deps\n", "npx playwright install --with-deps chromium\n"));
        assertThat(applicable(optimization, before)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.excerpt()).isEqualTo("npx playwright install --with-deps");
            assertThat(f.message()).contains("name chromium").contains("about 1 GB");
        });
        assertThat(optimization.apply(project(before)).notes()).containsExactly(new ChangeNote(
                "playwright-chromium-only", 4, "npx playwright install --with-deps → npx playwright install --with-deps chromium"));
    }

    @Test
    void everyWayOfRunningPlaywrightIsFound() {
        assertThat(applied(optimization, """
                FROM mcr.microsoft.com/playwright/python:v1.44.0-jammy
                RUN python -m playwright install && python3.12 -m playwright install-deps
                RUN playwright install --force 2>&1 | tee /tmp/install.log
                RUN npx -y playwright@1.44.0 install --with-deps && pnpm exec playwright install
                RUN yarn playwright install ; npm exec -- playwright install
                """)).isEqualTo("""
                FROM mcr.microsoft.com/playwright/python:v1.44.0-jammy
                RUN python -m playwright install chromium && python3.12 -m playwright install-deps chromium
                RUN playwright install --force chromium 2>&1 | tee /tmp/install.log
                RUN npx -y playwright@1.44.0 install --with-deps chromium && pnpm exec playwright install chromium
                RUN yarn playwright install chromium ; npm exec -- playwright install chromium
                """);
    }

    @Test
    void namedBrowsersAndOtherCommandsAreLeftAlone() {
        String named = """
                FROM node:20
                RUN npx playwright install --with-deps chromium firefox
                RUN npx playwright test && echo playwright install
                """;
        assertThat(applied(optimization, named)).isEqualTo(named);
        assertThat(reasonsNotApplicable(optimization, named)).singleElement().asString()
                .isEqualTo("the browsers are named already: chromium, firefox");
        String none = "FROM node:20\nRUN npm ci\n";
        assertThat(optimization.findings(project(none)))
                .containsExactly(Finding.nothingToDo("playwright-chromium-only", "no playwright install"));
    }

    @Test
    void theUsersBrowsersAreNamedInstead() {
        String before = "FROM node:20\nRUN npx playwright install --with-deps\n";
        Project firefoxToo = project(before).withPlaywrightBrowsers(List.of("chromium", "firefox"));
        assertThat(applied(optimization, firefoxToo))
                .isEqualTo("FROM node:20\nRUN npx playwright install --with-deps chromium firefox\n");
        Project all = project(before).withPlaywrightBrowsers(List.of("webkit", "firefox", "chromium"));
        assertThat(applied(optimization, all)).isEqualTo(before);
        assertThat(optimization.findings(all)).singleElement().extracting(Finding::message).asString()
                .contains("are all of them");
        Project nothingUsable = project(before).withPlaywrightBrowsers(List.of("  ", "fire fox"));
        assertThat(applied(optimization, nothingUsable))
                .isEqualTo("FROM node:20\nRUN npx playwright install --with-deps chromium\n");
    }

    @Test
    void continuationsHeredocsAndBacktickFiles() {
        assertThat(applied(optimization, """
                FROM python:3.12-slim
                RUN pip install --no-cache-dir playwright==1.44.0 && \\
                    playwright install \\
                        --with-deps && \\
                    rm -rf /var/lib/apt/lists/*
                """)).isEqualTo("""
                FROM python:3.12-slim
                RUN pip install --no-cache-dir playwright==1.44.0 && \\
                    playwright install \\
                        --with-deps chromium && \\
                    rm -rf /var/lib/apt/lists/*
                """);
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                FROM node:20
                RUN <<EOF
                npm ci
                npx playwright install --with-deps
                EOF
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                FROM node:20
                RUN <<EOF
                npm ci
                npx playwright install --with-deps chromium
                EOF
                """);
        assertThat(applied(optimization, "# escape=`\nFROM node:20\nRUN npm ci && `\n    npx playwright install\n"))
                .isEqualTo("# escape=`\nFROM node:20\nRUN npm ci && `\n    npx playwright install chromium\n");
    }

    @Test
    void holdsOverTheCorpus() throws Exception {
        SlimBaseTest.holdsOverTheCorpus(optimization);
    }

    @Test
    void describesItself() {
        assertThat(optimization.id()).isEqualTo("playwright-chromium-only");
        assertThat(optimization.risk()).isEqualTo(Risk.HIGH);
        assertThat(optimization.category()).isEqualTo(Category.RUNTIME_DEPENDENCIES);
        assertThat(optimization.riskRationale()).contains("1 GB").contains("Firefox");
    }
}
