package dev.slimlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageDetails;
import dev.slimlab.experiment.Experiment;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentRunner;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.LayerResult;
import dev.slimlab.experiment.ProgressEvent;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.ContextFiles;
import dev.slimlab.optimize.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A three-variant experiment on the real daemon, FROM the debian:bookworm-slim stand-in (built
 * by scripts/build-base-images.sh): apt install with and without --no-install-recommends and
 * list clean-up, plus a variant that cannot build (its base image cannot be pulled here).
 */
@NeedsDaemon
class ExperimentOnDaemonTest {

    static final String ID = "slimlab-it-apt";
    static DockerEngine engine;

    @TempDir
    static Path context;

    @BeforeAll
    static void start() throws Exception {
        engine = new DockerEngine();
        if (!engine.exists("debian:bookworm-slim")) {
            String message = "the debian:bookworm-slim stand-in is missing: run scripts/build-base-images.sh";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (engine != null) {
            engine.removeLabelled(ExperimentRunner.EXPERIMENT_LABEL, ID);
            assertThat(engine.imagesLabelled(ExperimentRunner.EXPERIMENT_LABEL, ID)).isEmpty();
            engine.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Builder.class, names = {"BUILDKIT", "CLASSIC"})
    void threeVariantsBuildMeasureAndCompare(Builder builder) throws Exception {
        Files.writeString(context.resolve("hello.txt"), "hello\n");
        Dockerfile dockerfile = Dockerfile.parse("""
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y curl
                COPY hello.txt /hello.txt
                RUN echo temp > /tmp/big && dd if=/dev/zero of=/tmp/big bs=1024 count=2048 && rm /tmp/big
                CMD ["curl", "--version"]
                """);
        Experiment experiment = new Experiment(ID, Project.of(dockerfile, ContextFiles.read(context)), context, List.of(
                new VariantSpec("original", Set.of()),
                new VariantSpec("no-recommends", Set.of("apt-no-install-recommends")),
                new VariantSpec("minimal", Set.of("apt-no-install-recommends", "apt-clean-lists")),
                new VariantSpec("alpine", Set.of("alpine-base"))),
                ExperimentSettings.defaults().withBuilder(builder));
        ExperimentResult result = new ExperimentRunner(engine, Catalog.standard())
                .run(experiment, ProgressEvent.Listener.NONE, Cancellation.none());
        assertThat(result.engine().builder()).isEqualTo(builder);

        List<VariantResult> v = result.variants();
        VariantResult original = v.get(0);
        VariantResult noRecommends = v.get(1);
        VariantResult minimal = v.get(2);
        VariantResult alpine = v.get(3);
        for (VariantResult built : List.of(original, noRecommends, minimal)) {
            assertThat(built.status()).as(built.name() + ": " + built.error() + "\n" + built.logTail())
                    .isEqualTo(VariantResult.Status.BUILT);
            ImageDetails details = engine.inspect(built.imageId().orElseThrow());
            assertThat(built.sizeBytes()).isEqualTo(details.sizeBytes());
            assertThat(built.layers().stream().mapToLong(LayerResult::sizeBytes).sum()).isEqualTo(details.sizeBytes());
            assertThat(details.labels()).containsEntry(ExperimentRunner.EXPERIMENT_LABEL, ID)
                    .containsEntry(ExperimentRunner.VARIANT_LABEL, built.name());
            assertThat(built.compressedBytes()).isPositive().isLessThan(built.sizeBytes());
            assertThat(built.efficiency()).isBetween(0.0, 1.0);
            assertThat(built.packages()).anyMatch(p -> p.manager().equals("dpkg") && p.name().equals("curl"));
        }
        assertThat(noRecommends.sizeBytes()).isLessThan(original.sizeBytes());
        assertThat(minimal.sizeBytes()).as("the apt lists are gone too").isLessThan(noRecommends.sizeBytes() - 5_000_000);
        assertThat(original.packages().size()).isGreaterThan(noRecommends.packages().size());
        assertThat(alpine.status()).isEqualTo(VariantResult.Status.FAILED);
        assertThat(alpine.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("the base image alpine:3.20 is not on this machine and no registry can be reached"));
        assertThat(alpine.logTail()).isNotEmpty();
    }

    /** A Dockerfile with cache and bind mounts: every variant builds on BuildKit; the classic builder is refused up front. */
    @Test
    void mountsBuildEveryVariantOnBuildKitAndAreRefusedBeforeBuildingOnClassic() throws Exception {
        Files.writeString(context.resolve("motd.txt"), "welcome\n");
        Dockerfile dockerfile = Dockerfile.parse("""
                FROM debian:bookworm-slim
                RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl
                RUN --mount=type=bind,source=motd.txt,target=/mnt/motd.txt cp /mnt/motd.txt /etc/motd
                CMD ["curl", "--version"]
                """);
        List<VariantSpec> variants = List.of(new VariantSpec("original", Set.of()),
                new VariantSpec("no-recommends", Set.of("apt-no-install-recommends")),
                new VariantSpec("minimal", Set.of("apt-no-install-recommends", "apt-clean-lists")));
        Experiment experiment = new Experiment(ID + "-mounts", Project.of(dockerfile, ContextFiles.read(context)), context,
                variants, ExperimentSettings.defaults().withBuilder(Builder.CLASSIC));
        List<ProgressEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        assertThatThrownBy(() -> new ExperimentRunner(engine, Catalog.standard())
                .run(experiment, events::add, Cancellation.none()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("nothing was built: the classic builder")
                .hasMessageContaining("line 2: RUN --mount=type=cache needs BuildKit")
                .hasMessageContaining("line 3: RUN --mount=type=bind needs BuildKit");
        assertThat((System.nanoTime() - started) / 1e9).as("refused before any build").isLessThan(10);
        assertThat(events).noneMatch(e -> e.phase() == ProgressEvent.Phase.BUILDING);
        assertThat(engine.imagesLabelled(ExperimentRunner.EXPERIMENT_LABEL, ID + "-mounts")).isEmpty();

        ExperimentResult result = new ExperimentRunner(engine, Catalog.standard()).run(new Experiment(ID + "-mounts",
                        experiment.project(), context, variants, ExperimentSettings.defaults().withBuilder(Builder.BUILDKIT)),
                ProgressEvent.Listener.NONE, Cancellation.none());
        try {
            for (VariantResult built : result.variants()) {
                assertThat(built.status()).as(built.name() + ": " + built.error() + "\n" + built.logTail())
                        .isEqualTo(VariantResult.Status.BUILT);
                ImageDetails details = engine.inspect(built.imageId().orElseThrow());
                assertThat(built.sizeBytes()).isEqualTo(details.sizeBytes());
                assertThat(built.dockerfile()).contains("--mount=type=cache,target=/var/cache/apt,sharing=locked")
                        .contains("--mount=type=bind,source=motd.txt,target=/mnt/motd.txt");
                assertThat(built.packages()).anyMatch(p -> p.name().equals("curl"));
            }
        } finally {
            engine.removeLabelled(ExperimentRunner.EXPERIMENT_LABEL, ID + "-mounts");
        }
    }
}
