package dev.slimlab.dockerfile;

import static dev.slimlab.dockerfile.BuilderFeatures.Kind.BUILDKIT_ONLY;
import static dev.slimlab.dockerfile.BuilderFeatures.Kind.EXTERNAL_FRONTEND;
import static dev.slimlab.dockerfile.BuilderFeatures.Kind.NEEDS_SESSION;
import static dev.slimlab.dockerfile.BuilderFeatures.Kind.NEWER_FRONTEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slimlab.dockerfile.BuilderFeatures.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuilderFeaturesTest {

    private static List<Feature> features(String text) throws DockerfileSyntaxException {
        return BuilderFeatures.of(Dockerfile.parse(text));
    }

    /** The one feature of line 2 of {@code FROM a} followed by that instruction. */
    private static Feature only(String instruction) throws DockerfileSyntaxException {
        List<Feature> found = features("FROM a\n" + instruction + "\n");
        assertThat(found).as(instruction).hasSize(1);
        assertThat(found.get(0).line()).isEqualTo(2);
        return found.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "RUN --mount=type=cache,target=/root/.cache pip install x   | RUN --mount=type=cache",
        "RUN --mount=type=cache,dst=/root/.cache pip install x      | RUN --mount=type=cache",
        "RUN --mount=destination=/x,type=tmpfs true                 | RUN --mount=type=tmpfs",
        "RUN --mount=target=/src,TYPE=Bind make                     | RUN --mount=type=bind",
        "RUN --mount=target=/src make                               | RUN --mount=type=bind",
        "RUN --mount=from=build,source=/out,target=/in cp -r /in /x | RUN --mount=type=bind",
        "run --mount=\"type=cache,target=/var/cache/apt\" apt-get update | RUN --mount=type=cache",
        "Run --mount='type=cache,target=/x' true                    | RUN --mount=type=cache",
        "RUN --mount=\"type=cache\",target=/x true                  | RUN --mount=type=cache",
        "RUN --network=none make test                               | RUN --network=none",
        "rUn --network=\"host\" curl x                              | RUN --network=host",
        "RUN --security=insecure make                               | RUN --security=insecure",
        "COPY --chmod=755 run.sh /app/                              | COPY --chmod",
        "copy --chmod=\"0644\" a /b                                 | COPY --chmod",
        "ADD --chmod=644 a.tar /x/                                  | ADD --chmod",
        "COPY --link src/ /app/                                     | COPY --link",
        "Add --link a /b                                            | ADD --link",
        "COPY --parents src/*/pom.xml /app/                         | COPY --parents",
        "COPY --exclude=*.md . /app/                                | COPY --exclude",
        "ADD --exclude='*.txt' dir /x/                              | ADD --exclude",
        "ADD --checksum=sha256:24454f83 https://x/a.tar /a | ADD --checksum",
        "add --keep-git-dir=true https://github.com/x/y.git /src    | ADD --keep-git-dir",
        "ONBUILD RUN --mount=type=cache,target=/x make              | ONBUILD RUN --mount=type=cache",
        "onbuild copy --chmod=755 a /b                              | ONBUILD COPY --chmod",
    })
    void eachFlagTheClassicBuilderRefusesIsBuildKitOnly(String instruction, String what) throws Exception {
        Feature f = only(instruction);
        assertThat(f.kind()).isEqualTo(BUILDKIT_ONLY);
        assertThat(f.what()).isEqualTo(what);
        assertThat(f.instruction()).isEqualTo(instruction);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "RUN --mount=type=secret,id=token cat /run/secrets/token       | RUN --mount=type=secret",
        "run --mount=\"id=npmrc,type=SECRET,dst=/root/.npmrc\" npm ci  | RUN --mount=type=secret",
        "RUN --mount=type=ssh git clone git@github.com:x/y.git          | RUN --mount=type=ssh",
        "ONBUILD RUN --mount=type=ssh,target=/ssh true                  | ONBUILD RUN --mount=type=ssh",
    })
    void secretAndSshMountsNeedASession(String instruction, String what) throws Exception {
        Feature f = only(instruction);
        assertThat(f.kind()).isEqualTo(NEEDS_SESSION);
        assertThat(f.what()).isEqualTo(what);
    }

    @Test
    void aWordThatStartsWithAQuoteIsNoFlag() throws Exception {
        // BuildKit reads flags only from words that start with "--": this is the command
        assertThat(features("FROM a\nRUN \"--mount=type=cache,target=/x\" true\n")).isEmpty();
    }

    @Test
    void eachMountOfARunIsOneFeature() throws Exception {
        String text = "FROM a\n"
                + "RUN --mount=type=cache,target=/root/.m2 \\\n"
                + "    --mount=type=secret,id=key,dst=/k \\\n"
                + "    --mount=target=/src --network=none mvn package\n";
        assertThat(features(text)).extracting(Feature::line, Feature::instruction, Feature::kind, Feature::what)
                .containsExactly(
                        tuple(2, "RUN --mount=type=cache,target=/root/.m2 \\", BUILDKIT_ONLY, "RUN --mount=type=cache"),
                        tuple(2, "RUN --mount=type=cache,target=/root/.m2 \\", NEEDS_SESSION, "RUN --mount=type=secret"),
                        tuple(2, "RUN --mount=type=cache,target=/root/.m2 \\", BUILDKIT_ONLY, "RUN --mount=type=bind"),
                        tuple(2, "RUN --mount=type=cache,target=/root/.m2 \\", BUILDKIT_ONLY, "RUN --network=none"));
    }

    @Test
    void heredocsNeedBuildKitAndANewerFrontend() throws Exception {
        String text = "FROM a\n"
                + "RUN <<EOF\n"
                + "apt-get update\n"
                + "EOF\n"
                + "copy <<-\"CONF\" /etc/app.conf\n"
                + "\tkey=value\n"
                + "\tCONF\n"
                + "ONBUILD RUN <<EOT\n"
                + "make\n"
                + "EOT\n";
        List<Feature> found = features(text);
        assertThat(found).anyMatch(f -> f.kind() == NEWER_FRONTEND);
        assertThat(found).noneMatch(f -> f.kind() == NEEDS_SESSION);
        assertThat(found).extracting(Feature::line, Feature::instruction, Feature::kind, Feature::what)
                .containsExactly(
                        tuple(2, "RUN <<EOF", BUILDKIT_ONLY, "RUN <<EOF"),
                        tuple(2, "RUN <<EOF", NEWER_FRONTEND, "RUN <<EOF"),
                        tuple(5, "copy <<-\"CONF\" /etc/app.conf", BUILDKIT_ONLY, "COPY <<-CONF"),
                        tuple(5, "copy <<-\"CONF\" /etc/app.conf", NEWER_FRONTEND, "COPY <<-CONF"),
                        tuple(8, "ONBUILD RUN <<EOT", BUILDKIT_ONLY, "ONBUILD RUN <<EOT"),
                        tuple(8, "ONBUILD RUN <<EOT", NEWER_FRONTEND, "ONBUILD RUN <<EOT"));
    }

    @Test
    void theSyntaxDirectiveNamesAnExternalFrontendThatParsesHeredocs() throws Exception {
        String text = "# syntax = docker/dockerfile:1.7\n"
                + "FROM a\n"
                + "RUN <<EOF\n"
                + "true\n"
                + "EOF\n";
        List<Feature> found = features(text);
        assertThat(found).extracting(Feature::line, Feature::instruction, Feature::kind, Feature::what)
                .containsExactly(
                        tuple(1, "# syntax = docker/dockerfile:1.7", EXTERNAL_FRONTEND, "docker/dockerfile:1.7"),
                        tuple(3, "RUN <<EOF", BUILDKIT_ONLY, "RUN <<EOF"));
        assertThat(found).filteredOn(f -> f.kind() == EXTERNAL_FRONTEND).extracting(Feature::what)
                .containsExactly("docker/dockerfile:1.7");
    }

    @Test
    void aSyntaxCommentAfterAnInstructionIsNoDirective() throws Exception {
        List<Feature> found = features("FROM a\n# syntax=docker/dockerfile:1\nRUN true\n");
        assertThat(found).isEmpty();
        assertThat(found).noneMatch(f -> f.kind() == EXTERNAL_FRONTEND);
    }

    @Test
    void classicSyntaxHasNoFeatures() throws Exception {
        String text = "# escape=\\\n"
                + "ARG BASE=python:3.12\n"
                + "FROM --platform=$BUILDPLATFORM ${BASE} AS build\n"
                + "ARG VERSION\n"
                + "COPY --chown=app:app --from=build /out /app\n"
                + "ADD --chown=1000 a.tar /x/\n"
                + "RUN echo '<<EOF' > /dev/null\n"
                + "RUN [\"sh\", \"-c\", \"cat <<EOF\"]\n"
                + "HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1\n"
                + "ONBUILD COPY --chown=app . /app\n"
                + "CMD [\"python\", \"app.py\"]\n";
        assertThat(features(text)).isEmpty();
    }

    @Test
    void aLongInstructionIsCutToEightyCharacters() throws Exception {
        String run = "RUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir -r requirements.txt";
        Feature f = only(run);
        assertThat(f.instruction()).hasSize(80).endsWith("...").startsWith(run.substring(0, 77));
    }

    @Test
    void explanationsAreCompleteSentences() throws Exception {
        String text = "# syntax=docker/dockerfile:1\n"
                + "FROM a\n"
                + "RUN --mount=type=cache,target=/x make\n"
                + "RUN --mount=type=secret,id=t make\n"
                + "RUN --mount=type=ssh make\n"
                + "ONBUILD COPY --link a /b\n"
                + "COPY <<EOF /x\n"
                + "y\n"
                + "EOF\n";
        List<String> lines = features(text).stream().map(Feature::explain).toList();
        assertThat(lines).containsExactly(
                "line 1: # syntax=docker/dockerfile:1 makes BuildKit pull the Dockerfile frontend image"
                        + " docker/dockerfile:1 from a registry before it builds: without access to that registry"
                        + " the build fails (the classic builder ignores the line). Remove the line to build with"
                        + " the daemon's built-in frontend, or make the image reachable.",
                "line 3: RUN --mount=type=cache needs BuildKit; the classic builder refuses it. Build with"
                        + " --builder buildkit (or auto on a daemon that offers BuildKit), or remove the flag.",
                "line 4: RUN --mount=type=secret needs a BuildKit session (docker build --secret), which SlimLab"
                        + " does not open: the secret would be missing. Build it with docker buildx, or pass the value"
                        + " another way for the experiment.",
                "line 5: RUN --mount=type=ssh needs a BuildKit session (docker build --ssh), which SlimLab"
                        + " does not open: the SSH agent socket would be missing. Build it with docker buildx, or pass"
                        + " the value another way for the experiment.",
                "line 6: ONBUILD COPY --link needs BuildKit in every build FROM this image; the classic builder"
                        + " refuses it there. Build with --builder buildkit (or auto on a daemon that offers"
                        + " BuildKit), or remove the flag.",
                "line 7: COPY <<EOF needs BuildKit; the classic builder refuses it. Build with --builder buildkit"
                        + " (or auto on a daemon that offers BuildKit), or replace the here-document with a plain"
                        + " command or a file in the context.");
    }

    @Test
    void theNewerFrontendSentenceNamesTheEngineVersionWhenKnown() throws Exception {
        Feature f = features("FROM a\nRUN <<EOF\ntrue\nEOF\n").get(1);
        assertThat(f.kind()).isEqualTo(NEWER_FRONTEND);
        assertThat(BuilderFeatures.explain(f, "20.10.24")).isEqualTo(
                "line 2: RUN <<EOF is a here-document: the built-in Dockerfile frontend of Docker Engine 20.10.24"
                        + " before 23.0 does not know heredocs. Build on Docker Engine 23.0 or later, or add"
                        + " '# syntax=docker/dockerfile:1' as the first line (BuildKit then pulls that frontend"
                        + " from a registry).");
        assertThat(f.explain()).contains("frontend of Docker Engine before 23.0 does not know heredocs.");
    }

    @Test
    void mountSpecsAreReadAsCsv() {
        assertThat(BuilderFeatures.csvFields("type=cache,\"target=/a,b\",ro"))
                .containsExactly("type=cache", "target=/a,b", "ro");
        assertThat(BuilderFeatures.mountType("")).isEqualTo("bind");
        assertThat(BuilderFeatures.mountType("\"type=secret\",id=x")).isEqualTo("secret");
    }
}
