package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.Flag;
import dev.slimlab.dockerfile.Instruction;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every optimization keeps the BuildKit flags a Dockerfile already uses: each flag of an
 * instruction is still there, as written, on the instruction that replaces it.
 */
class BuildKitFlagsTest {

    static final List<String> DOCKERFILES = List.of("""
            # syntax=docker/dockerfile:1
            FROM python:3.10
            RUN --mount=type=cache,target=/var/cache/apt --network=host apt-get update && apt-get install -y gcc libpq-dev
            WORKDIR /app
            COPY --link --chmod=755 a /a
            COPY --chown=1000:1000 --chmod=644 b /b
            COPY requirements.txt .
            RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
            RUN --mount=type=bind,source=x,target=/x cp /x/conf /etc/conf
            RUN --mount=type=bind,source=x,target=/x cp /x/other /etc/other
            RUN --network=none make
            RUN pip install gunicorn
            COPY . .
            CMD ["gunicorn", "app.wsgi"]
            """, """
            FROM node:20
            WORKDIR /app
            COPY --link package.json package-lock.json ./
            RUN --mount=type=cache,target=/root/.npm npm ci
            COPY --chmod=755 . .
            RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm run build
            RUN --network=none npm prune --omit=dev
            RUN --network=host npm install -g serve
            RUN chown -R node /app
            USER node
            CMD ["node", "dist/server.js"]
            """, """
            FROM debian:bookworm
            RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y curl
            RUN --network=none useradd app
            COPY --chown=app --chmod=600 secret.conf /etc/secret.conf
            RUN chown app /etc/secret.conf
            COPY --link --chmod=755 src/ /opt/service/
            RUN chown -R app:app /opt/service
            RUN --mount=type=bind,source=x,target=/x apt-get update && apt-get install -y --no-install-recommends git
            FROM alpine:3.19
            RUN --mount=type=cache,target=/var/cache/apk apk update && apk add curl
            RUN --security=insecure apk add git
            """);

    @Test
    void everyOptimizationKeepsTheFlagsItFinds() throws Exception {
        Catalog catalog = Catalog.standard();
        Set<String> changed = new TreeSet<>();
        for (String text : DOCKERFILES) {
            Project project = project(text);
            for (Optimization o : catalog.all()) {
                Applied applied = o.apply(project);
                assertKeepsFlags(o.id(), project, applied);
                if (applied.changed()) {
                    changed.add(o.id());
                }
            }
            assertKeepsFlags("all", project, catalog.apply(catalog.ids(), project));
        }
        // the rewrites that touch instructions with flags did run
        assertThat(changed).contains("multi-stage", "combine-runs", "copy-chown", "cache-mounts", "pip-no-cache-dir",
                "apt-no-install-recommends", "apt-clean-lists", "apk-no-cache", "npm-clean-cache");
    }

    private static void assertKeepsFlags(String what, Project before, Applied applied) throws Exception {
        Dockerfile after = applied.project().dockerfile();
        assertThat(Dockerfile.parse(after.print()).print()).as(what).isEqualTo(after.print());
        for (Instruction original : before.dockerfile().instructions()) {
            List<String> flags = written(original);
            if (flags.isEmpty()) {
                continue;
            }
            assertThat(after.instructions()).as(what + " keeps the flags of " + original.logicalLine() + " in\n" + after.print())
                    .anyMatch(i -> i.name().equals(original.name()) && written(i).containsAll(flags));
        }
    }

    /** The flags as written, quotes and all. */
    private static List<String> written(Instruction i) {
        return i.flags().stream().map((Flag f) -> i.logicalLine().substring(f.start(), f.end())).toList();
    }
}
