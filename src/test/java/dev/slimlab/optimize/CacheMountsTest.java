package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.dockerfile.Dockerfile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheMountsTest {

    static final String APT_MOUNTS = "--mount=type=cache,target=/var/cache/apt,sharing=locked "
            + "--mount=type=cache,target=/var/lib/apt/lists,sharing=locked";

    final CacheMounts optimization = new CacheMounts();

    @Test
    void describesItselfAsALowRiskPackageManagerRewriteThatNeedsBuildKit() {
        assertThat(optimization.id()).isEqualTo("cache-mounts");
        assertThat(optimization.category()).isEqualTo(Category.PACKAGE_MANAGER);
        assertThat(optimization.risk()).isEqualTo(Risk.LOW);
        assertThat(optimization.riskRationale()).contains("classic builder", "shared");
        assertThat(optimization.hadolint()).isEqualTo(Optional.empty());
        assertThat(optimization.needsBuildKit()).isTrue();
        assertThat(new PipNoCacheDir().needsBuildKit()).isFalse();
    }

    @Test
    void pipGetsItsCacheMountedAndLosesNoCacheDir() {
        String before = """
                FROM python:3.12-slim
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt && python3 -m pip install gunicorn
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM python:3.12-slim
                COPY requirements.txt .
                RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt && python3 -m pip install gunicorn
                """);
        assertThat(optimization.apply(project(before)).notes()).singleElement().asString()
                .contains("--no-cache-dir removed");
    }

    @Test
    void pipNoCacheDirInTheEnvironmentIsLeftAlone() {
        String env = "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n";
        assertThat(applied(optimization, env)).isEqualTo(env);
        assertThat(reasonsNotApplicable(optimization, env)).singleElement().asString().contains("PIP_NO_CACHE_DIR is set");
        String assignment = "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n";
        assertThat(applied(optimization, assignment)).isEqualTo(assignment);
    }

    @Test
    void aptMountsItsCachesRemovesDockerCleanOncePerStageAndDropsTheCleanUps() {
        String before = """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                RUN apt-get update && apt-get install -y git && apt-get clean && rm -rf /tmp/x
                FROM debian:bookworm-slim AS other
                RUN apt update && apt install -y jq
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM debian:bookworm-slim
                RUN %1$s rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y --no-install-recommends curl
                RUN %1$s apt-get update && apt-get install -y git && rm -rf /tmp/x
                FROM debian:bookworm-slim AS other
                RUN %1$s rm -f /etc/apt/apt.conf.d/docker-clean && apt update && apt install -y jq
                """.formatted(APT_MOUNTS));
    }

    @Test
    void aptInAHereDocumentLosesItsCleanUpLine() {
        assertThat(applied(optimization, """
                FROM debian:bookworm
                RUN <<EOF
                set -e
                apt-get update
                apt-get install -y curl
                rm -rf /var/lib/apt/lists/*
                EOF
                """)).isEqualTo("""
                FROM debian:bookworm
                RUN %s <<EOF
                rm -f /etc/apt/apt.conf.d/docker-clean && set -e
                apt-get update
                apt-get install -y curl
                EOF
                """.formatted(APT_MOUNTS));
    }

    @Test
    void aptListsThatALaterRunOrAnEarlierLayerProvidesAreNotMounted() {
        String split = """
                FROM debian:bookworm
                RUN apt-get update && apt-get install -y curl
                RUN apt-get install -y git
                """;
        assertThat(applied(optimization, split)).isEqualTo(split);
        assertThat(reasonsNotApplicable(optimization, split)).satisfiesExactly(
                first -> assertThat(first).contains("must stay in the image", "line 3"),
                second -> assertThat(second).contains("no apt-get update in this RUN"));
    }

    @Test
    void dockerCleanStaysWhenALaterInstallGetsNoMount() {
        String text = applied(optimization, """
                FROM debian:bookworm
                RUN apt-get update && apt-get install -y sudo
                USER app
                RUN sudo apt-get update && sudo apt-get install -y git
                """);
        assertThat(text).startsWith("FROM debian:bookworm\nRUN " + APT_MOUNTS + " apt-get update")
                .doesNotContain("docker-clean")
                .endsWith("RUN sudo apt-get update && sudo apt-get install -y git\n");
    }

    @Test
    void npmAndYarnMountTheirCachesAndDropTheirCleanCommands() {
        assertThat(applied(optimization, """
                FROM node:20
                RUN npm ci && npm cache clean --force
                RUN yarn install --frozen-lockfile && yarn cache clean
                """)).isEqualTo("""
                FROM node:20
                RUN --mount=type=cache,target=/root/.npm npm ci
                RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile
                """);
        String berry = "FROM node:20\nCOPY .yarnrc.yml .\nRUN yarn install --immutable\n";
        assertThat(applied(optimization, berry)).isEqualTo(berry);
        assertThat(reasonsNotApplicable(optimization, berry)).singleElement().asString().contains("Berry");
    }

    @Test
    void apkMountsItsCacheAndStillFetchesTheIndex() {
        assertThat(applied(optimization, """
                FROM alpine:3.19
                RUN apk add --no-cache curl
                RUN apk update && apk add --no-cache git
                RUN apk add bash
                """)).isEqualTo("""
                FROM alpine:3.19
                RUN --mount=type=cache,target=/etc/apk/cache apk add --update-cache curl
                RUN --mount=type=cache,target=/etc/apk/cache apk update && apk add git
                RUN --mount=type=cache,target=/etc/apk/cache apk add --update-cache bash
                """);
    }

    @Test
    void flagsAlreadyThereAreKeptAndAnExistingCacheMountIsLeftAlone() {
        assertThat(applied(optimization, """
                FROM python:3.12
                RUN --network=host --mount=type=bind,source=wheels,target=/wheels pip install /wheels/*.whl
                """)).isEqualTo("""
                FROM python:3.12
                RUN --mount=type=cache,target=/root/.cache/pip --network=host --mount=type=bind,source=wheels,target=/wheels pip install /wheels/*.whl
                """);
        String mounted = "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir x\n";
        assertThat(applied(optimization, mounted)).isEqualTo(mounted);
        assertThat(reasonsNotApplicable(optimization, mounted)).singleElement().asString()
                .contains("already mounts a build cache at /root/.cache/pip");
    }

    @Test
    void onlyRunsAsRootGetTheMount() {
        String nonRoot = """
                FROM python:3.12 AS base
                USER app
                RUN pip install flask
                FROM base
                RUN pip install gunicorn
                """;
        assertThat(applied(optimization, nonRoot)).isEqualTo(nonRoot);
        assertThat(reasonsNotApplicable(optimization, nonRoot)).hasSize(2).allMatch(r -> r.contains("USER app"));
        assertThat(applicable(optimization, "FROM python:3.12\nUSER app\nUSER 0:0\nRUN pip install flask\n")).hasSize(1);
    }

    @Test
    void saysWhyWhenNothingInstalls() {
        assertThat(reasonsNotApplicable(optimization, "FROM alpine\nRUN echo hi\n"))
                .singleElement().asString().contains("no pip, apt, npm, yarn or apk install");
    }

    @Test
    void comesBeforeTheCleanUpsItMakesUnnecessaryAndInNoPreset() {
        Catalog catalog = Catalog.standard();
        List<String> ids = catalog.ids();
        assertThat(ids.indexOf("cache-mounts")).isGreaterThan(ids.indexOf("remove-build-deps"))
                .isLessThan(ids.indexOf("apt-clean-lists")).isLessThan(ids.indexOf("apk-no-cache"))
                .isLessThan(ids.indexOf("pip-no-cache-dir")).isLessThan(ids.indexOf("npm-clean-cache"));
        assertThat(catalog.preset(Preset.MINIMAL)).doesNotContain("cache-mounts").contains("pip-no-cache-dir");
        assertThat(catalog.preset(Preset.MAXIMUM)).doesNotContain("cache-mounts");
        Project pip = project("FROM python:3.12\nRUN pip install flask\n");
        assertThat(AblationPlan.of(catalog, pip, true))
                .anySatisfy(v -> assertThat(v.optimizationIds()).isEqualTo(Set.of("cache-mounts")));
        assertThat(AblationPlan.of(catalog, pip, false)).as("the classic builder cannot build it")
                .noneSatisfy(v -> assertThat(v.optimizationIds()).contains("cache-mounts"))
                .anySatisfy(v -> assertThat(v.optimizationIds()).isEqualTo(Set.of("pip-no-cache-dir")));
    }

    static final String MIXED = """
            FROM python:3.12
            RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm
            COPY requirements.txt package.json ./
            RUN pip install -r requirements.txt
            RUN npm install
            RUN apk add --no-cache curl || true
            """;

    @Test
    void withTheCleanUpsItGivesWhatItGivesAlone() throws Exception {
        Catalog catalog = Catalog.standard();
        Project project = project(MIXED);
        Applied alone = catalog.apply(Set.of("cache-mounts"), project);
        Applied together = catalog.apply(Set.of("cache-mounts", "pip-no-cache-dir", "apt-clean-lists",
                "npm-clean-cache", "apk-no-cache"), project);
        String text = together.project().dockerfile().print();
        assertThat(text).isEqualTo(alone.project().dockerfile().print())
                .contains("RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n",
                        "RUN --mount=type=cache,target=/root/.npm npm install\n",
                        "RUN --mount=type=cache,target=/etc/apk/cache apk add --update-cache curl || true\n");
        assertThat(together.notes()).allMatch(n -> n.optimizationId().equals("cache-mounts"));
        assertThat(catalog.apply(Set.of("cache-mounts", "pip-no-cache-dir", "apt-clean-lists", "npm-clean-cache",
                "apk-no-cache"), together.project()).changed()).isFalse();
        assertThat(Dockerfile.parse(text).instructions()).hasSameSizeAs(project.dockerfile().instructions());
        for (String id : List.of("pip-no-cache-dir", "apt-clean-lists", "npm-clean-cache", "apk-no-cache")) {
            assertThat(catalog.byId(id).orElseThrow().findings(together.project()))
                    .as(id).anySatisfy(f -> assertThat(f.message()).contains("the RUN mounts a build cache at",
                            "not stored in the image"));
        }
    }
}
