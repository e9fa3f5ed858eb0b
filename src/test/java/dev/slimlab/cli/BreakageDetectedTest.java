package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.NeedsDaemon;
import dev.slimlab.engine.DockerEngine;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentRunner;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.store.ExperimentFile;
import dev.slimlab.staging.StagingSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of the staging checks: each sample in {@code assets/samples/breakage} breaks in one of
 * the story's four ways under the optimizations its README names. {@code slimlab run} with the
 * sample's own suite must pass the original, and the parity checks alone, with no test written
 * for it, must flag each breakage as HIGH.
 */
@NeedsDaemon
class BreakageDetectedTest {

    static final Path SAMPLES = Path.of("assets", "samples", "breakage");

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    private String experiment;

    @AfterEach
    void cleanUp() throws Exception {
        try (DockerEngine engine = new DockerEngine()) {
            assertThat(engine.containersLabelled(StagingSettings.LABEL, experiment)).as("containers left").isEmpty();
            engine.removeLabelled(ExperimentRunner.EXPERIMENT_LABEL, experiment);
        }
    }

    /** Runs the sample with a variant "broken" and returns {original, broken}. */
    private List<VariantResult> run(String sample, String optimizations) throws Exception {
        experiment = "breakage-" + sample;
        Path out = dir.resolve(sample + ".json");
        Path dockerfile = SAMPLES.resolve(sample).resolve("Dockerfile");
        int code = SlimLabCommand.run("run", "--dockerfile", dockerfile.toString(), "--id", experiment,
                "--variant", "broken=" + optimizations, "--suite", SAMPLES.resolve(sample).resolve("structure-tests.yaml")
                        .toString(), "--out", out.toString(), "--junit", dir.resolve(sample + ".xml").toString());
        assertThat(code).as(streams.stderr()).isZero();
        ExperimentResult result = ExperimentFile.load(out);
        VariantResult original = result.variants().get(0);
        VariantResult broken = result.variants().get(1);
        assertThat(original.built()).as(original.error().orElse("")).isTrue();
        assertThat(broken.built()).as(broken.error().orElse("")).isTrue();
        StagingResult originalStaging = original.staging().orElseThrow();
        assertThat(originalStaging.tests()).as("the team's suite").isNotEmpty()
                .allSatisfy(t -> assertThat(t.status()).as(t.name() + ": " + t.message()).isEqualTo(TestOutcome.Status.PASSED));
        assertThat(originalStaging.parity()).as("the original is not compared with itself").isEmpty();
        assertThat(originalStaging.problems()).isEmpty();
        assertThat(broken.staging().orElseThrow().problems()).isEmpty();
        assertThat(streams.stdout()).contains("broken");
        assertThat(java.nio.file.Files.readString(dir.resolve(sample + ".xml")))
                .contains("<testsuite name=\"original\"", "<testsuite name=\"broken\"", "failures=\"0\"");
        return List.of(original, broken);
    }

    private static List<ParityFinding> high(VariantResult variant) {
        return variant.staging().orElseThrow().parity().stream().filter(f -> f.severity() == Severity.HIGH).toList();
    }

    @Test
    void anEnvNameTheEntrypointReadsIsRenamed() throws Exception {
        VariantResult broken = run("env-rename", "env-typo").get(1);
        assertThat(high(broken)).extracting(ParityFinding::kind, ParityFinding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("env", "PYTHONUBUFFERED"));
        assertThat(broken.staging().orElseThrow().parity()).anySatisfy(f -> {
            assertThat(f.subject()).isEqualTo("PYTHONUNBUFFERED");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
        });
    }

    @Test
    void theJreLacksTheJdkToolTheHealthCheckCalls() throws Exception {
        VariantResult broken = run("jdk-to-jre", "jdk-to-jre").get(1);
        assertThat(high(broken)).extracting(ParityFinding::kind, ParityFinding::subject)
                .contains(org.assertj.core.groups.Tuple.tuple("executable", "jcmd"));
        assertThat(broken.staging().orElseThrow().parity()).filteredOn(f -> f.kind().equals("executable"))
                .extracting(ParityFinding::subject).contains("javac", "jar", "jcmd");
    }

    @Test
    void aProgramFromARecommendedPackageIsNoLongerInstalled() throws Exception {
        VariantResult broken = run("lost-recommends", "apt-no-install-recommends").get(1);
        assertThat(high(broken)).extracting(ParityFinding::kind, ParityFinding::subject)
                .contains(org.assertj.core.groups.Tuple.tuple("executable", "killall"));
        assertThat(broken.staging().orElseThrow().parity()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("package");
            assertThat(f.subject()).isEqualTo("psmisc");
        });
    }

    @Test
    void aSharedLibraryIsLostBetweenStages() throws Exception {
        VariantResult broken = run("lost-library", "multi-stage,slim-base").get(1);
        assertThat(high(broken)).filteredOn(f -> f.kind().equals("library")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("libpq.so.5");
            assertThat(f.variant()).isEqualTo("not found");
            assertThat(f.message()).contains("pgcheck");
        });
    }
}
