package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code slimlab lint} and {@code slimlab apply}, run as the launcher runs them. */
class LintAndApplyCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    static final String DOCKERFILE = """
            FROM python:3.10
            RUN apt-get update && apt-get install -y gcc
            RUN pip install -r requirements.txt
            CMD ["python", "app.py"]
            """;

    private Path dockerfile() throws Exception {
        Files.writeString(dir.resolve("requirements.txt"), "flask\n");
        return Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
    }

    @Test
    void lintPrintsFindingsWithLinesAndExitsZero() throws Exception {
        Path df = dockerfile();
        assertThat(SlimLabCommand.run("lint", df.toString())).isZero();
        assertThat(streams.stdout())
                .contains(df + ":2: apt-no-install-recommends (LOW, DL3015)")
                .contains(df + ":3: pip-no-cache-dir (LOW, DL3042)")
                .doesNotContain("does not apply");
    }

    @Test
    void lintJsonHasTheDocumentedShape() throws Exception {
        Path df = dockerfile();
        assertThat(SlimLabCommand.run("lint", "--format", "json", df.toString())).isZero();
        JsonNode root = new ObjectMapper().readTree(streams.stdout());
        assertThat(root.get("file").asText()).isEqualTo(df.toString());
        JsonNode first = root.get("findings").get(0);
        assertThat(first.get("id").asText()).isNotBlank();
        assertThat(first.get("line").isInt()).isTrue();
        assertThat(first.get("risk").asText()).isIn("LOW", "MEDIUM", "HIGH");
        assertThat(first.has("hadolint")).isTrue();
        assertThat(first.get("message").asText()).isNotBlank();
        assertThat(root.get("findings")).anySatisfy(f -> {
            assertThat(f.get("id").asText()).isEqualTo("pip-no-cache-dir");
            assertThat(f.get("line").asInt()).isEqualTo(3);
            assertThat(f.get("hadolint").asText()).isEqualTo("DL3042");
        });
    }

    @Test
    void lintAllAlsoSaysWhereNothingApplies() throws Exception {
        Path df = Files.writeString(dir.resolve("Dockerfile"), "FROM debian:bookworm\nRUN apt-get install -y curl\n");
        assertThat(SlimLabCommand.run("lint", "--all", df.toString())).isZero();
        assertThat(streams.stdout()).contains(df + ": pip-no-cache-dir (does not apply): no pip install");
    }

    @Test
    void applyWritesTheVariantToStdoutAndTheDiffAndNotesToStderr() throws Exception {
        Path df = dockerfile();
        assertThat(SlimLabCommand.run("apply", df.toString(), "--optimizations", "pip-no-cache-dir")).isZero();
        assertThat(streams.stdout()).isEqualTo(DOCKERFILE.replace("pip install", "pip install --no-cache-dir"));
        assertThat(streams.stderr())
                .contains("--- a/Dockerfile", "+++ b/Dockerfile", "-RUN pip install -r requirements.txt",
                        "+RUN pip install --no-cache-dir -r requirements.txt")
                .contains("pip-no-cache-dir (line 3)");
    }

    @Test
    void applyPresetIntoAFolder() throws Exception {
        Path df = dockerfile();
        Path out = dir.resolve("variant");
        assertThat(SlimLabCommand.run("apply", df.toString(), "--preset", "minimal", "--out", out.toString())).isZero();
        String variant = Files.readString(out.resolve("Dockerfile"));
        assertThat(variant).contains("--no-install-recommends", "--no-cache-dir");
        assertThat(Files.readString(out.resolve("Dockerfile.diff"))).startsWith("--- a/Dockerfile");
        assertThat(Files.readString(out.resolve("CHANGES.txt"))).contains("apt-no-install-recommends", "pip-no-cache-dir");
        assertThat(streams.stdout()).contains("wrote " + out.resolve("Dockerfile"));
        try (var leftovers = Files.list(out)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anUnknownIdExitsTwoListingTheValidIds() throws Exception {
        Path df = dockerfile();
        assertThat(SlimLabCommand.run("apply", df.toString(), "--optimizations", "slim,pip-no-cache-dir")).isEqualTo(2);
        assertThat(streams.stderr()).contains("unknown optimization slim", "valid ids:", "pip-no-cache-dir",
                "apt-no-install-recommends");
        assertThat(streams.stdout()).isEmpty();
    }

    @Test
    void anUnknownPresetAndAMissingSelectionAreUsageErrors() throws Exception {
        Path df = dockerfile();
        assertThat(SlimLabCommand.run("apply", df.toString(), "--preset", "everything")).isEqualTo(2);
        assertThat(streams.stderr()).contains("valid presets");
        assertThat(SlimLabCommand.run("apply", df.toString())).isEqualTo(2);
    }

    @Test
    void aBrokenDockerfileExitsOneNamingTheLine() throws Exception {
        Path df = Files.writeString(dir.resolve("Dockerfile"), "FROM a\nENV ONLY\n");
        assertThat(SlimLabCommand.run("lint", df.toString())).isEqualTo(1);
        assertThat(streams.stderr()).contains(df + ":2: error:");
    }
}
