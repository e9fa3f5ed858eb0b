package dev.slimlab.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    static ImageReference parse(String text) {
        return ImageReference.parse(text).orElseThrow();
    }

    @Test
    void readsEveryPart() {
        assertThat(parse("python")).isEqualTo(new ImageReference("", "", "python", "", ""));
        assertThat(parse("python:3.10-slim")).isEqualTo(new ImageReference("", "", "python", "3.10-slim", ""));
        assertThat(parse("docker.io/library/python:3.10"))
                .isEqualTo(new ImageReference("docker.io", "library", "python", "3.10", ""));
        assertThat(parse("localhost:5000/team/app:1.2@sha256:abc"))
                .isEqualTo(new ImageReference("localhost:5000", "team", "app", "1.2", "sha256:abc"));
        assertThat(parse("bitnami/python:3.10")).isEqualTo(new ImageReference("", "bitnami", "python", "3.10", ""));
        assertThat(parse("ghcr.io/acme/tools/python")).isEqualTo(new ImageReference("ghcr.io", "acme/tools", "python", "", ""));
        assertThat(parse("python@sha256:abc").hasDigest()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "python", "python:3.10", "docker.io/library/python:3.10-slim", "localhost:5000/app:1@sha256:00",
            "python:${PY}", "python:${PY:-3.10}-bookworm", "${REGISTRY:-docker.io}/library/node:${NODE}", "$BASE"})
    void printsWhatItRead(String text) {
        assertThat(parse(text).toString()).isEqualTo(text);
    }

    @Test
    void keepsVariablesWhole() {
        assertThat(parse("python:${PY:-3.10}-bookworm")).satisfies(r -> {
            assertThat(r.name()).isEqualTo("python");
            assertThat(r.tag()).isEqualTo("${PY:-3.10}-bookworm");
            assertThat(ImageReference.tagParts(r.tag())).containsExactly("${PY:-3.10}", "bookworm");
        });
        assertThat(parse("${BASE:-python:3.10}").name()).isEqualTo("${BASE:-python:3.10}");
        assertThat(parse("${BASE:-python:3.10}").tag()).isEmpty();
    }

    @Test
    void rejectsWhatIsNoReference() {
        assertThat(ImageReference.parse("")).isEmpty();
        assertThat(ImageReference.parse("python:")).isEqualTo(Optional.empty());
        assertThat(ImageReference.parse("python@")).isEmpty();
        assertThat(ImageReference.parse("ghcr.io/")).isEmpty();
    }

    @Test
    void officialMeansDockerHubWithoutANamespace() {
        assertThat(parse("python:3.10").isOfficial()).isTrue();
        assertThat(parse("docker.io/python").isOfficial()).isTrue();
        assertThat(parse("docker.io/library/python").isOfficial()).isTrue();
        assertThat(parse("library/python").isOfficial()).isTrue();
        assertThat(parse("bitnami/python").isOfficial()).isFalse();
        assertThat(parse("ghcr.io/python").isOfficial()).isFalse();
        assertThat(parse("docker.io/bitnami/python").isOfficial()).isFalse();
        assertThat(parse("registry.docker.com/library/ruby:3.3-slim").isOfficial()).as("Rails' default").isTrue();
    }

    @ParameterizedTest(name = "{0}:{1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "python|3.10|3.10-slim", "python|3.10-bookworm|3.10-slim-bookworm", "python||slim", "python|latest|slim",
            "python|bookworm|slim-bookworm", "ruby|3.3|3.3-slim", "perl|5.38|5.38-slim", "pypy|3.10|3.10-slim",
            "rust|1.75-bookworm|1.75-slim-bookworm", "node|20|20-slim", "node|20-bookworm|20-bookworm-slim",
            "node||slim", "node|lts|lts-slim", "debian|bookworm|bookworm-slim", "debian|12|12-slim",
            "debian||stable-slim", "debian|latest|stable-slim", "debian|bookworm-20240110|bookworm-20240110-slim",
            "openjdk|11|11-slim", "openjdk|11-jdk|11-jdk-slim", "openjdk|17-jdk-bullseye|17-jdk-slim-bullseye",
            "python|${PY}|${PY}-slim", "python|${PY}-bookworm|${PY}-slim-bookworm"})
    void slimVariants(String name, String tag, String slim) {
        assertThat(ImageReference.slim(name, tag == null ? "" : tag)).isEqualTo(ImageReference.Variant.of(name, slim));
    }

    @ParameterizedTest(name = "{0}:{1} has no -slim variant: {2}")
    @CsvSource(delimiter = '|', value = {
            "python|3.10-slim|already the -slim variant", "node|20-bookworm-slim|already the -slim variant",
            "python|3.12-alpine3.19|Alpine variant", "python|3.10-windowsservercore-ltsc2022|Windows variant",
            "golang|1.22|no -slim variant is published for golang; see alpine-base or a distroless image",
            "ubuntu|22.04|published for ubuntu", "php|8.3|published for php", "eclipse-temurin|17|published for eclipse-temurin",
            "debian|bookworm-backports|no -slim variant of debian:bookworm-backports is known",
            "python|3.10-onbuild|no -slim variant of python:3.10-onbuild is known", "openjdk||has no -slim tag"})
    void noSlimVariant(String name, String tag, String reason) {
        ImageReference.Variant variant = ImageReference.slim(name, tag == null ? "" : tag);
        assertThat(variant.exists()).isFalse();
        assertThat(variant.reason()).contains(reason);
    }

    @Test
    void imagesOutsideTheTableAreNotClaimedToHaveNoVariant() {
        assertThat(ImageReference.slim("erlang", "26").reason())
                .isEqualTo("SlimLab knows no -slim variant of erlang; see alpine-base or a distroless image");
        assertThat(ImageReference.alpine("postgres", "16").reason())
                .isEqualTo("SlimLab moves only python, node, ruby, golang, rust and debian images to Alpine, not postgres");
    }

    @ParameterizedTest(name = "{0}:{1} → {2}:{3}")
    @CsvSource(delimiter = '|', value = {
            "python|3.10|python|3.10-alpine", "python|3.10-slim|python|3.10-alpine",
            "python|3.10-slim-bookworm|python|3.10-alpine", "node|20-bookworm|node|20-alpine", "node||node|alpine",
            "golang|1.22-bookworm|golang|1.22-alpine", "rust|1.75|rust|1.75-alpine", "ruby|3.3-slim|ruby|3.3-alpine",
            "debian|bookworm-slim|alpine|3.20", "python|${PY}-slim|python|${PY}-alpine"})
    void alpineVariants(String name, String tag, String newName, String newTag) {
        assertThat(ImageReference.alpine(name, tag == null ? "" : tag)).isEqualTo(ImageReference.Variant.of(newName, newTag));
    }

    @Test
    void noAlpineVariant() {
        assertThat(ImageReference.alpine("python", "3.12-alpine").reason()).contains("already an Alpine image");
        assertThat(ImageReference.alpine("ubuntu", "22.04").reason()).isEqualTo("no -alpine variant is published for ubuntu");
        assertThat(ImageReference.alpine("perl", "5.38").exists()).isFalse();
    }

    @ParameterizedTest(name = "{0}:{1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "eclipse-temurin|17-jdk|17-jre", "eclipse-temurin|17|17-jre", "eclipse-temurin|21-jdk-jammy|21-jre-jammy",
            "eclipse-temurin|17-jammy|17-jre-jammy", "eclipse-temurin|8u392-b08-jdk|8u392-b08-jre",
            "eclipse-temurin|8u392-b08|8u392-b08-jre", "openjdk|11-jdk|11-jre", "openjdk|11|11-jre",
            "openjdk|11-jdk-slim-bullseye|11-jre-slim-bullseye", "openjdk|8u342-jdk|8u342-jre",
            "eclipse-temurin|${JAVA}-jdk|${JAVA}-jre"})
    void jreVariants(String name, String tag, String jre) {
        assertThat(ImageReference.jre(name, tag)).isEqualTo(ImageReference.Variant.of(name, jre));
    }

    @Test
    void noJreVariant() {
        assertThat(ImageReference.jre("eclipse-temurin", "17-jre").reason()).contains("already the JRE");
        assertThat(ImageReference.jre("openjdk", "17-jdk").reason()).contains("Java 8 and 11 only");
        assertThat(ImageReference.jre("amazoncorretto", "17").reason()).contains("no JRE tags");
        assertThat(ImageReference.jre("eclipse-temurin", "").reason()).contains("names no Java version");
        assertThat(ImageReference.jre("maven", "3.9-eclipse-temurin-17").reason()).contains("is a build image");
        assertThat(ImageReference.jre("python", "3.10")).as("not a JDK image").isNull();
    }
}
