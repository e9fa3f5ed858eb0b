package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sample projects in {@code assets/samples} parse, round-trip and resolve their base images. */
class SamplesTest {

    static final Path SAMPLES = Path.of("assets", "samples");

    @Test
    void everySampleDockerfileParsesAndPrintsBack() throws Exception {
        List<Path> dockerfiles;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            dockerfiles = walk.filter(p -> p.getFileName().toString().equals("Dockerfile")).toList();
        }
        assertThat(dockerfiles).isNotEmpty();
        for (Path file : dockerfiles) {
            byte[] bytes = Files.readAllBytes(file);
            Dockerfile dockerfile = Dockerfile.parse(bytes);
            assertThat(dockerfile.toBytes()).as(file.toString()).isEqualTo(bytes);
            assertThat(dockerfile.stages()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void pythonWebResolvesItsArgBasedBaseImage() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(SAMPLES.resolve("python-web/Dockerfile"));
        List<ResolvedStage> stages = Variables.resolve(dockerfile, Map.of());
        assertThat(stages).singleElement().satisfies(s -> assertThat(s.baseImage()).isEqualTo("python:3.10"));
        ShellScript install = ShellScript.of(dockerfile.stages().get(0).instructions().get(3)).orElseThrow();
        assertThat(install.find("apt-get", "install")).singleElement()
                .satisfies(c -> assertThat(c.hasArgument("--no-install-recommends")).isFalse());
    }
}
