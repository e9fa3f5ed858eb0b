package dev.slimlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.app.Samples.Sample;
import dev.slimlab.app.Samples.SampleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples shipped as resources are the ones in {@code assets/samples}, and copy out whole, once. */
class SamplesTest {

    static final Path ASSETS = Path.of("assets", "samples");

    @TempDir
    Path home;

    @Test
    void listsEverySampleUnderAssetsSamplesWithAllItsFiles() throws IOException {
        List<Sample> samples = new Samples(home).list();

        List<String> folders;
        try (Stream<Path> walk = Files.walk(ASSETS)) {
            folders = walk.filter(p -> p.getFileName().toString().equals("Dockerfile"))
                    .map(p -> ASSETS.relativize(p.getParent()).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(samples).extracting(Sample::name).containsExactlyElementsOf(folders)
                .contains("python-web", "breakage/env-rename");
        for (Sample sample : samples) {
            assertThat(sample.files()).as(sample.name()).containsExactlyInAnyOrderElementsOf(filesIn(ASSETS.resolve(sample.name())));
        }
    }

    @Test
    void theDescriptionIsTheReadmesFirstParagraph() throws IOException {
        Map<String, String> descriptions = new Samples(home).list().stream()
                .collect(java.util.stream.Collectors.toMap(Sample::name, Sample::description));

        assertThat(descriptions.get("java-web")).startsWith("A small HTTP service on the JDK's built-in com.sun.net.httpserver")
                .endsWith("image variants.").doesNotContain("\n", "#", "`");
        assertThat(descriptions.get("python-web")).as("no README").isEmpty();
        assertThat(Samples.description("\n# Title\n\nFirst line\nsecond line.\n\nMore.\n")).isEqualTo("First line second line.");
        assertThat(Samples.description("No title.\n\n## Later\n")).isEqualTo("No title.");
    }

    @Test
    void aCopyHasTheSameBytesAndTheScriptsStayExecutable() throws IOException {
        Samples samples = new Samples(home);

        for (Sample sample : samples.list()) {
            Path dockerfile = samples.dockerfile(sample);

            Path copy = home.resolve(sample.name());
            assertThat(dockerfile).isEqualTo(copy.resolve("Dockerfile"));
            assertThat(filesIn(copy)).as(sample.name()).containsExactlyInAnyOrderElementsOf(sample.files());
            for (SampleFile file : sample.files()) {
                assertThat(copy.resolve(file.path())).as(file.path()).hasSameBinaryContentAs(
                        ASSETS.resolve(sample.name()).resolve(file.path()));
            }
        }
        assertThat(home.resolve("breakage/env-rename/entrypoint.sh")).isExecutable();
        try (Stream<Path> left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary folder is left")
                    .noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void aSecondUseKeepsTheCopyAndTheUsersEdits() throws IOException {
        Samples samples = new Samples(home);
        Sample sample = sample(samples, "python-web");
        Path dockerfile = samples.dockerfile(sample);
        Files.writeString(dockerfile, "FROM edited\n");
        Object folder = Files.readAttributes(dockerfile.getParent(), "unix:ino").get("ino");

        assertThat(samples.dockerfile(sample)).isEqualTo(dockerfile);
        assertThat(new Samples(home).dockerfile(sample)).isEqualTo(dockerfile);

        assertThat(dockerfile).hasContent("FROM edited");
        assertThat(Files.readAttributes(dockerfile.getParent(), "unix:ino").get("ino")).isEqualTo(folder);
    }

    @Test
    void aCopyOfAnotherVersionIsReplacedWhole() throws IOException {
        Samples samples = new Samples(home);
        Sample sample = sample(samples, "breakage/lost-library");
        Path dockerfile = samples.dockerfile(sample);
        Files.writeString(dockerfile, "FROM edited\n");
        Files.writeString(dockerfile.resolveSibling("stray.txt"), "not shipped");
        Files.writeString(home.resolve("breakage/lost-library.sha256"), "0".repeat(64) + "\n"); // as an older SlimLab left it

        samples.dockerfile(sample);

        assertThat(dockerfile).hasSameBinaryContentAs(ASSETS.resolve("breakage/lost-library/Dockerfile"));
        assertThat(dockerfile.resolveSibling("stray.txt")).doesNotExist();
        try (Stream<Path> left = Files.list(home.resolve("breakage"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("lost-library", "lost-library.sha256");
        }
    }

    @Test
    void aDeletedDockerfileIsCopiedAgain() throws IOException {
        Samples samples = new Samples(home);
        Sample sample = sample(samples, "node-web");
        Files.delete(samples.dockerfile(sample));

        assertThat(samples.dockerfile(sample)).hasSameBinaryContentAs(ASSETS.resolve("node-web/Dockerfile"));
    }

    private static Sample sample(Samples samples, String name) throws IOException {
        return samples.list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<SampleFile> filesIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> new SampleFile(
                    folder.relativize(p).toString().replace('\\', '/'), Files.isExecutable(p))).toList();
        }
    }
}
