package dev.slimlab.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The samples in {@code assets/samples/breakage} stay broken by the optimizations their READMEs
 * name: each one still applies and still makes the change that breaks the image.
 */
class BreakageSamplesTest {

    static final Catalog CATALOG = Catalog.standard();
    static final Path BREAKAGE = Path.of("assets", "samples", "breakage");

    private static Project sample(String name) {
        return CatalogPropertiesTest.project(BREAKAGE.resolve(name).resolve("Dockerfile"));
    }

    private static String applied(String name, String... ids) {
        return new String(CATALOG.apply(List.of(ids), sample(name)).project().dockerfile().toBytes(),
                StandardCharsets.UTF_8);
    }

    private static List<Finding> applying(String name, String id) {
        return CATALOG.findings(sample(name)).stream()
                .filter(f -> f.optimizationId().equals(id) && f.applies()).toList();
    }

    @Test
    void envRenameHasTheMisspelledVariableThatEntrypointReads() {
        // env-typo finds it (as lint or as a rewrite): the variant renames the key.
        assertThat(applying("env-rename", "env-typo")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("PYTHONUBUFFERED", "PYTHONUNBUFFERED"));
    }

    @Test
    void jdkToJreSwapsThePackageBecauseTheDockerfileNamesNoJdkTool() {
        assertThat(applying("jdk-to-jre", "jdk-to-jre")).hasSize(1);
        assertThat(applied("jdk-to-jre", "jdk-to-jre"))
                .contains("openjdk-17-jre-headless").doesNotContain("openjdk-17-jdk-headless");
    }

    @Test
    void lostRecommendsDropsTheRecommendedPsmisc() {
        assertThat(applied("lost-recommends", "apt-no-install-recommends"))
                .contains("apt-get install --no-install-recommends -y procps");
    }

    @Test
    void lostLibraryRunsOnSlimWithoutTheDevPackages() {
        String variant = applied("lost-library", "multi-stage", "slim-base");
        String runtime = variant.substring(variant.lastIndexOf("\nFROM "));
        assertThat(runtime).startsWith("\nFROM python:3.11-slim")
                .contains("COPY --from=builder /install /usr/local").doesNotContain("libpq-dev", "apt-get");
    }
}
