package dev.slimlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The runner on a fake engine: planning, dedupe, isolation of failures, time-outs, measurement. */
class ExperimentRunnerTest {

    static final String DOCKERFILE = "FROM python:3.10\nRUN apt-get update && apt-get install -y curl\n"
            + "RUN pip install -r requirements.txt\n";

    final FakeEngine engine = new FakeEngine();
    final ExperimentRunner runner = new ExperimentRunner(engine, Catalog.standard());

    static Experiment experiment(String dockerfile, List<VariantSpec> variants, ExperimentSettings settings)
            throws Exception {
        return new Experiment("exp", Project.of(Dockerfile.parse(dockerfile)), Path.of("."), variants, settings);
    }

    @Test
    void buildsEachVariantAndMeasuresIt() throws Exception {
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        ExperimentResult result = runner.run(experiment(DOCKERFILE, List.of(
                new VariantSpec("original", Set.of()),
                new VariantSpec("minimal", Set.of("slim-base", "pip-no-cache-dir", "apt-no-install-recommends"))),
                ExperimentSettings.defaults().withRepetitions(3)), events::add, Cancellation.none());
        assertThat(result.variants()).extracting(VariantResult::name).containsExactly("original", "minimal");
        VariantResult minimal = result.variants().get(1);
        assertThat(minimal.status()).isEqualTo(VariantResult.Status.BUILT);
        assertThat(minimal.dockerfile()).contains("python:3.10-slim", "--no-cache-dir", "--no-install-recommends");
        assertThat(minimal.sizeBytes()).isEqualTo(minimal.dockerfile().length() * 1000L);
        assertThat(minimal.layers()).extracting(LayerResult::createdBy).containsExactly("FROM scratch", "RUN work");
        assertThat(minimal.layers().stream().mapToLong(LayerResult::sizeBytes).sum()).isEqualTo(minimal.sizeBytes());
        assertThat(minimal.buildSeconds()).containsExactly(1.25, 1.25, 1.25);
        assertThat(minimal.compressedBytes()).isEqualTo(minimal.sizeBytes() / 2);
        assertThat(minimal.estimatedPullSeconds()).isEqualTo(minimal.compressedBytes() * 8 / 100e6);
        assertThat(minimal.efficiency()).isEqualTo(0.9);
        assertThat(minimal.packages()).extracting(InstalledPackage::name).containsExactly("curl");
        assertThat(engine.built).filteredOn(t -> t.equals("slimlab/exp:minimal")).hasSize(3);
        assertThat(events).extracting(ProgressEvent::phase).contains(ProgressEvent.Phase.QUEUED,
                ProgressEvent.Phase.BUILDING, ProgressEvent.Phase.MEASURING, ProgressEvent.Phase.DONE);
        assertThat(events).anyMatch(e -> e.phase() == ProgressEvent.Phase.BUILDING && e.step() == 2 && e.steps() == 2);
        assertThat(result.engine().engineVersion()).isEqualTo("0.0");
    }

    @Test
    void aResultNamesOnlyTheOptimizationsThatChangedItsDockerfile() throws Exception {
        ExperimentResult result = runner.run(experiment(DOCKERFILE, List.of(
                new VariantSpec("original", Set.of()),
                new VariantSpec("asked", Set.of("slim-base", "npm-omit-dev", "yum-clean", "jdk-to-jre")),
                new VariantSpec("nothing", Set.of("npm-omit-dev", "yum-clean"))),
                ExperimentSettings.defaults()), ProgressEvent.Listener.NONE, Cancellation.none());
        assertThat(result.variants().get(1).optimizations()).containsExactly("slim-base");
        assertThat(result.variants().get(2).optimizations()).as("built once, as the original").isEmpty();
        assertThat(result.variants().get(2).imageId()).isEqualTo(result.variants().get(0).imageId());
    }

    @Test
    void theWholeLogGoesToDiskAndTheWasteShareIsKept(@org.junit.jupiter.api.io.TempDir Path logs) throws Exception {
        ExperimentResult result = runner.withLogDirectory(logs).run(experiment("FROM a\nRUN FAIL\n", List.of(
                new VariantSpec("broken", Set.of())), ExperimentSettings.defaults()), ProgressEvent.Listener.NONE,
                Cancellation.none());
        VariantResult broken = result.variants().get(0);
        assertThat(broken.logFile()).isEqualTo(logs.resolve("broken.log").toString());
        assertThat(java.nio.file.Files.readAllLines(logs.resolve("broken.log")))
                .containsExactly("== SlimLab: build 1 of 1 of broken", "Step 1/2 : FROM scratch");

        VariantResult built = runner.run(experiment(DOCKERFILE, List.of(new VariantSpec("original", Set.of())),
                ExperimentSettings.defaults()), ProgressEvent.Listener.NONE, Cancellation.none()).variants().get(0);
        assertThat(built.userWastedPercent()).isEqualTo(1.0);
        assertThat(built.logFile()).isEmpty();
    }

    @Test
    void identicalVariantsAreBuiltOnce() throws Exception {
        ExperimentResult result = runner.run(experiment(DOCKERFILE, List.of(
                new VariantSpec("a", Set.of("dockerignore")),   // changes nothing: no COPY . here
                new VariantSpec("b", Set.of()),
                new VariantSpec("c", Set.of("pip-no-cache-dir"))),
                ExperimentSettings.defaults()), ProgressEvent.Listener.NONE, Cancellation.none());
        assertThat(engine.built).containsExactlyInAnyOrder("slimlab/exp:a", "slimlab/exp:c");
        assertThat(result.variants()).extracting(VariantResult::name).containsExactly("a", "b", "c");
        assertThat(result.variants().get(1).imageId()).isEqualTo(result.variants().get(0).imageId());
        assertThat(result.variants().get(1).optimizations()).isEmpty();
    }

    @Test
    void aFailingOrThrowingVariantNeverStopsTheOthers() throws Exception {
        ExperimentRunner failing = new ExperimentRunner(engine, Catalog.standard());
        ExperimentResult result = failing.run(new Experiment("exp", Project.of(Dockerfile.parse("FROM a\nRUN FAIL\n")),
                Path.of("."), List.of(new VariantSpec("broken", Set.of())), ExperimentSettings.defaults()),
                ProgressEvent.Listener.NONE, Cancellation.none());
        VariantResult broken = result.variants().get(0);
        assertThat(broken.status()).isEqualTo(VariantResult.Status.FAILED);
        assertThat(broken.error()).hasValueSatisfying(e -> assertThat(e).contains("non-zero code"));
        assertThat(broken.logTail()).contains("oops");

        ExperimentResult mixed = runner.run(experiment("FROM a\nRUN BOOM\nRUN pip install x\n", List.of(
                new VariantSpec("boom", Set.of()), new VariantSpec("fixed", Set.of("pip-no-cache-dir"))),
                ExperimentSettings.defaults().withParallelBuilds(2)), ProgressEvent.Listener.NONE, Cancellation.none());
        assertThat(mixed.variants()).extracting(VariantResult::status)
                .containsExactly(VariantResult.Status.FAILED, VariantResult.Status.FAILED);
        assertThat(mixed.variants().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("exploded"));
    }

    @Test
    void aBuildPastItsTimeOutIsCancelledAndRecorded() throws Exception {
        ExperimentResult result = runner.run(experiment("FROM a\nRUN HANG\nRUN pip install x\n", List.of(
                new VariantSpec("slow", Set.of())), ExperimentSettings.defaults().withTimeoutSeconds(1)),
                ProgressEvent.Listener.NONE, Cancellation.none());
        assertThat(result.variants().get(0).status()).isEqualTo(VariantResult.Status.TIMED_OUT);
        assertThat(result.variants().get(0).error()).contains("timed out after 1 s");
    }

    @Test
    void cancellingStopsEveryVariant() throws Exception {
        Cancellation cancellation = new Cancellation();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                // cancel anyway
            }
            cancellation.cancel();
        });
        canceller.start();
        ExperimentResult result = runner.run(experiment("FROM a\nRUN HANG\nRUN pip install x\n", List.of(
                new VariantSpec("one", Set.of()), new VariantSpec("two", Set.of("pip-no-cache-dir"))),
                ExperimentSettings.defaults().withParallelBuilds(1)), ProgressEvent.Listener.NONE, cancellation);
        assertThat(result.variants()).extracting(VariantResult::status)
                .containsOnly(VariantResult.Status.CANCELLED);
        assertThat(engine.built).hasSize(1);
    }

    @Test
    void everyBuiltVariantIsVerifiedAfterTheBuildsAgainstTheOriginal() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        VariantVerifier verifier = (variant, original, cancellation) -> {
            calls.add(variant.name() + " vs " + original.map(VariantResult::name).orElse("-"));
            return new StagingResult(List.of(new TestOutcome("command", "t", TestOutcome.Status.PASSED, 0.1, "", "")),
                    original.isPresent() ? List.of(new ParityFinding("env", ParityFinding.Severity.HIGH, "X", "1", "",
                            "gone")) : List.of(), List.of());
        };
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        ExperimentResult result = runner.withVerifier(verifier).run(experiment(DOCKERFILE, List.of(
                new VariantSpec("original", Set.of()),
                new VariantSpec("minimal", Set.of("slim-base")),
                new VariantSpec("same", Set.of("slim-base", "dockerignore"))), ExperimentSettings.defaults()),
                events::add, Cancellation.none());
        assertThat(calls).containsExactly("original vs -", "minimal vs original");
        assertThat(result.variants().get(0).staging().orElseThrow().parity()).isEmpty();
        assertThat(result.variants().get(1).staging().orElseThrow().findings(ParityFinding.Severity.HIGH)).isEqualTo(1);
        assertThat(result.variants().get(2).staging()).as("built once, verified once, reported under both names")
                .isEqualTo(result.variants().get(1).staging());
        assertThat(events).filteredOn(e -> e.variant().equals("minimal")).extracting(ProgressEvent::phase)
                .endsWith(ProgressEvent.Phase.TESTING, ProgressEvent.Phase.DONE);
        assertThat(events.get(events.size() - 1).message())
                .isEqualTo("checked: tests 1/1 passed, parity findings: 1 high, 0 medium, 0 low");
    }

    @Test
    void aVariantThatDidNotBuildIsNotVerifiedAndAVerifierThatThrowsIsContained() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        VariantVerifier verifier = (variant, original, cancellation) -> {
            calls.add(variant.name());
            throw new IllegalStateException("verifier bug");
        };
        ExperimentResult result = runner.withVerifier(verifier).run(experiment("FROM a\nRUN FAIL\n", List.of(
                new VariantSpec("original", Set.of()), new VariantSpec("fixed", Set.of("combine-runs"))),
                ExperimentSettings.defaults()), ProgressEvent.Listener.NONE, Cancellation.none());
        assertThat(calls).isEmpty();
        assertThat(result.variants()).allSatisfy(v -> assertThat(v.staging()).isEmpty());

        ExperimentResult built = runner.withVerifier(verifier).run(experiment(DOCKERFILE, List.of(
                new VariantSpec("original", Set.of())), ExperimentSettings.defaults()), ProgressEvent.Listener.NONE,
                Cancellation.none());
        assertThat(built.variants().get(0).staging().orElseThrow().problems())
                .containsExactly("SlimLab failed checking this variant: java.lang.IllegalStateException: verifier bug");
    }

    @Test
    void aFileTheBuilderCannotBuildIsRefusedBeforeAnythingBuilds() throws Exception {
        String mounts = "FROM python:3.10\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n";
        List<VariantSpec> variants = List.of(new VariantSpec("original", Set.of()),
                new VariantSpec("minimal", Set.of("slim-base")));
        engine.offersBuildKit = false;
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> runner.run(experiment(mounts, variants, ExperimentSettings.defaults()), events::add,
                Cancellation.none()))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("nothing was built: the classic builder of Docker 0.0 cannot build this:")
                .hasMessageContaining("line 2: RUN --mount=type=cache needs BuildKit")
                .hasMessageNotContaining("variant minimal"); // the original's problem is told once
        assertThat(engine.built).isEmpty();
        assertThat(events).isEmpty();

        engine.offersBuildKit = true;
        ExperimentResult result = runner.run(experiment(mounts, variants, ExperimentSettings.defaults()),
                ProgressEvent.Listener.NONE, Cancellation.none());
        assertThat(result.engine().builder()).isEqualTo(Builder.BUILDKIT);
        assertThat(engine.builders).containsOnly(Builder.BUILDKIT);
        assertThat(result.variants()).allMatch(VariantResult::built);
    }

    @Test
    void onBuildKitASecretMountAndAFrontendNoRegistryGivesAreRefused() throws Exception {
        String file = "# syntax=docker/dockerfile:1.7\nFROM python:3.10\n"
                + "RUN --mount=type=secret,id=token pip install flask\n";
        assertThatThrownBy(() -> runner.run(experiment(file, List.of(new VariantSpec("original", Set.of()),
                new VariantSpec("slim", Set.of("slim-base"))), ExperimentSettings.defaults().withBuilder(Builder.BUILDKIT)),
                ProgressEvent.Listener.NONE, Cancellation.none()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("# syntax=docker/dockerfile:1.7 makes BuildKit pull")
                .hasMessageContaining("(no registry can be reached (the fake daemon has none))")
                .hasMessageContaining("line 3: RUN --mount=type=secret needs a BuildKit session");
        assertThat(engine.built).isEmpty();
    }

    @Test
    void aChangedFileMakesEveryBuildAfterTheFirstARebuildOfItsOwn(@org.junit.jupiter.api.io.TempDir Path context)
            throws Exception {
        java.nio.file.Files.writeString(context.resolve("requirements.txt"), "flask==3.0\n");
        Experiment experiment = new Experiment("exp", Project.of(Dockerfile.parse(DOCKERFILE)), context,
                List.of(new VariantSpec("original", Set.of()), new VariantSpec("slim", Set.of("slim-base"))),
                ExperimentSettings.defaults().withRebuildsAfterChanging(3, java.util.Optional.of("requirements.txt")));
        runner.run(experiment, ProgressEvent.Listener.NONE, Cancellation.none());

        assertThat(engine.requests).hasSize(6);
        List<String> texts = new java.util.ArrayList<>();
        for (BuildRequest request : engine.requests) {
            byte[] changed = request.extraFiles().get("requirements.txt");
            if (changed == null) {
                continue;
            }
            String text = new String(changed, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith("flask==3.0\n").matches("(?s)flask==3\\.0\n[ \n]+");
            texts.add(text);
        }
        assertThat(texts).as("builds 2 and 3 of both variants, each with its own edit").hasSize(4).doesNotHaveDuplicates();
        assertThat(engine.requests).filteredOn(r -> r.tag().endsWith(":slim")).first()
                .satisfies(r -> assertThat(r.extraFiles()).doesNotContainKey("requirements.txt"));
    }
}
