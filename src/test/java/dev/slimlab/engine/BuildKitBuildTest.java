package dev.slimlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.BuildStep;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageDetails;
import dev.slimlab.engine.api.ImageFile;
import dev.slimlab.engine.api.LayerHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds on the real daemon's BuildKit: {@code POST /build?version=2}, its status stream decoded. */
@NeedsDaemon
class BuildKitBuildTest {

    static final String EXPERIMENT = "buildkit-test";
    static final String B = DockerDaemon.BUSYBOX;

    static DockerEngine engine;

    @TempDir
    Path context;

    @BeforeAll
    static void start() throws Exception {
        engine = new DockerEngine();
        DockerDaemon.ensureBusybox(engine);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (engine != null) {
            engine.removeLabelled("dev.slimlab.experiment", EXPERIMENT);
            assertThat(engine.imagesLabelled("dev.slimlab.experiment", EXPERIMENT)).isEmpty();
            engine.close();
        }
    }

    private BuildRequest request(String dockerfile, String tag, String build) {
        return BuildRequest.of(context, dockerfile.getBytes(StandardCharsets.UTF_8), "slimlab/" + EXPERIMENT + ":" + tag,
                Map.of("dev.slimlab.experiment", EXPERIMENT, "dev.slimlab.build", build)).withBuilder(Builder.BUILDKIT);
    }

    private static final class Heard implements BuildListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> running = new CopyOnWriteArrayList<>();

        @Override
        public void onLine(String line) {
            lines.add(line);
        }

        @Override
        public void onStep(int step, int steps, String instruction) {
            running.add(step + "/" + steps + " " + instruction);
        }
    }

    @Test
    void autoPicksBuildKitOnThisDaemonAndClassicStaysClassic() throws Exception {
        assertThat(engine.resolve(Builder.AUTO)).isEqualTo(Builder.BUILDKIT);
        assertThat(engine.resolve(Builder.BUILDKIT)).isEqualTo(Builder.BUILDKIT);
        assertThat(engine.resolve(Builder.CLASSIC)).isEqualTo(Builder.CLASSIC);
    }

    @Test
    void independentStagesRunInParallelAndStepsAreTimedByTheDaemon() throws Exception {
        String run = UUID.randomUUID().toString();
        String dockerfile = "FROM " + B + " AS left\nRUN echo " + run + " && sleep 2 && echo left > /left\n"
                + "FROM " + B + " AS right\nRUN echo " + run + " && sleep 2 && echo right > /right\n"
                + "FROM " + B + "\nCOPY --from=left /left /left\nCOPY --from=right /right /right\n"
                + "RUN dd if=/dev/zero of=/big bs=1024 count=256\nCMD [\"sh\"]\n";
        Heard heard = new Heard();
        BuildOutcome outcome = engine.build(request(dockerfile, "parallel", run), heard, Cancellation.none());

        assertThat(outcome.status()).as(String.join("\n", outcome.logTail())).isEqualTo(BuildOutcome.Status.BUILT);
        List<BuildStep> sleeps = outcome.steps().stream().filter(s -> s.instruction().contains("sleep 2")).toList();
        assertThat(sleeps).hasSize(2).allSatisfy(s -> {
            assertThat(s.seconds()).as(s.instruction()).isBetween(1.9, 4.0);
            assertThat(s.cached()).isFalse();
        });
        // the daemon's timestamps: both started together, which timing on arrival of log lines could not show
        assertThat(Math.abs(sleeps.get(0).startSeconds() - sleeps.get(1).startSeconds())).isLessThan(1.0);
        assertThat(sleeps.get(0).overlaps(sleeps.get(1))).isTrue();
        assertThat(outcome.seconds()).as("the two sleeps ran at once").isLessThan(3.9 + 5);
        assertThat(outcome.steps()).extracting(BuildStep::number).isSorted().startsWith(1);
        assertThat(outcome.steps()).anyMatch(s -> s.instruction().equals("exporting to image"));
        assertThat(heard.running).anyMatch(r -> r.contains("2 steps at once"));
        assertThat(heard.lines).anyMatch(l -> l.matches("#\\d+ \\[left 2/2\\] RUN echo .*"))
                .anyMatch(l -> l.matches("#\\d+ DONE \\d+\\.\\d+s"))
                .noneMatch(l -> l.contains("\u001B"));

        ImageDetails details = engine.inspect(outcome.imageId().orElseThrow());
        assertThat(details.tags()).contains("slimlab/" + EXPERIMENT + ":parallel");
        assertThat(details.labels()).containsEntry("dev.slimlab.build", run);
        assertThat(details.cmd()).containsExactly("sh");
        List<LayerHistory> history = engine.history(details.id());
        assertThat(history.stream().mapToLong(LayerHistory::sizeBytes).sum()).isEqualTo(details.sizeBytes());
        assertThat(history).anyMatch(h -> h.createdBy().contains("dd if=/dev/zero") && h.sizeBytes() >= 256 * 1024);

        BuildOutcome again = engine.build(request(dockerfile, "parallel", run), BuildListener.NONE, Cancellation.none());
        assertThat(again.imageId()).isEqualTo(outcome.imageId());
        assertThat(again.steps()).filteredOn(s -> s.instruction().matches("\\[\\S+ \\d+/\\d+\\] (RUN|COPY) .*"))
                .hasSize(5).allMatch(BuildStep::cached);
    }

    @Test
    void cacheAndBindMountsBuildAndTheCacheOutlivesARebuild() throws Exception {
        Files.writeString(context.resolve("data.txt"), "from the context\n");
        Files.writeString(context.resolve(".dockerignore"), "secret.txt\n");
        Files.writeString(context.resolve("secret.txt"), "must not be sent\n");
        String cache = "slimlab-test-" + UUID.randomUUID();
        String dockerfile = "FROM " + B + "\nARG EDIT\nRUN echo $EDIT > /edit\n"
                + "RUN --mount=type=cache,id=" + cache + ",target=/cache sh -c 'echo x >> /cache/runs; wc -l < /cache/runs > /runs'\n"
                + "RUN --mount=type=bind,source=data.txt,target=/mnt/data.txt cp /mnt/data.txt /copied\n"
                + "COPY . /ctx/\n";
        String build = UUID.randomUUID().toString();
        BuildOutcome first = engine.build(request(dockerfile, "mounts", build).withNoCache(true), BuildListener.NONE,
                Cancellation.none());
        assertThat(first.status()).as(String.join("\n", first.logTail())).isEqualTo(BuildOutcome.Status.BUILT);
        String image = first.imageId().orElseThrow();
        assertThat(text(image, "/runs")).isEqualTo("1");
        assertThat(text(image, "/copied")).isEqualTo("from the context");
        assertThat(engine.readFile(image, "/cache/runs", 100, labels(build))).as("the cache is not in the image").isEmpty();
        assertThat(engine.readFile(image, "/ctx/secret.txt", 100, labels(build))).as(".dockerignore applies").isEmpty();
        assertThat(text(image, "/ctx/data.txt")).isEqualTo("from the context");

        // a rebuild after an edit above the step (not --no-cache: on Engine 20.10 that empties cache mounts too)
        BuildOutcome second = engine.build(request(dockerfile, "mounts", build).withBuildArgs(Map.of("EDIT", build)),
                BuildListener.NONE, Cancellation.none());
        assertThat(text(second.imageId().orElseThrow(), "/runs")).as("the cache mount kept its contents").isEqualTo("2");
    }

    private static Map<String, String> labels(String build) {
        return Map.of("dev.slimlab.experiment", EXPERIMENT, "dev.slimlab.build", build);
    }

    private static String text(String image, String path) throws EngineException {
        Optional<ImageFile> file = engine.readFile(image, path, 1000, Map.of("dev.slimlab.experiment", EXPERIMENT));
        assertThat(file).as(path + " in " + image).isPresent();
        return new String(file.get().content(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void buildArgsAndTargetReachBuildKit() throws Exception {
        String dockerfile = "FROM " + B + " AS first\nARG GREETING=hello\nRUN echo $GREETING > /greeting\n"
                + "FROM first AS second\nRUN false\n";
        BuildOutcome outcome = engine.build(request(dockerfile, "target", UUID.randomUUID().toString())
                .withBuildArgs(Map.of("GREETING", "bonjour")).withTarget("first"), BuildListener.NONE, Cancellation.none());
        assertThat(outcome.status()).as(String.join("\n", outcome.logTail())).isEqualTo(BuildOutcome.Status.BUILT);
        assertThat(text(outcome.imageId().orElseThrow(), "/greeting")).isEqualTo("bonjour");
    }

    @Test
    void aFailingRunNamesItsStepAndShowsItsLog() throws Exception {
        BuildOutcome outcome = engine.build(request("FROM " + B + "\nRUN echo about to fail && echo really >&2 && false\n",
                "fails", UUID.randomUUID().toString()).withNoCache(true), BuildListener.NONE, Cancellation.none());
        assertThat(outcome.status()).isEqualTo(BuildOutcome.Status.FAILED);
        assertThat(outcome.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("step [2/2] RUN echo about to fail && echo really >&2 && false failed")
                .contains("exit code: 1")
                .contains("last output: really"));
        assertThat(outcome.logTail()).contains(" > [2/2] RUN echo about to fail && echo really >&2 && false:")
                .contains("   about to fail", "   really");
        assertThat(outcome.imageId()).isEmpty();
    }

    @Test
    void cancelMidStepStopsTheBuildAndLeavesNothingLabelled() throws Exception {
        String build = UUID.randomUUID().toString();
        CountDownLatch running = new CountDownLatch(1);
        Cancellation cancellation = new Cancellation();
        BuildListener listener = new BuildListener() {
            @Override
            public void onLine(String line) {
                if (line.endsWith(" sleeping " + build)) {
                    running.countDown();
                }
            }
        };
        String dockerfile = "FROM " + B + "\nRUN echo one > /one\nRUN echo sleeping " + build + " && sleep 120\n";
        List<BuildOutcome> result = new CopyOnWriteArrayList<>();
        List<Exception> thrown = new CopyOnWriteArrayList<>();
        Thread builder = new Thread(() -> {
            try {
                result.add(engine.build(request(dockerfile, "cancelled", build), listener, cancellation));
            } catch (EngineException | RuntimeException e) {
                thrown.add(e);
            }
        });
        builder.start();
        assertThat(running.await(60, TimeUnit.SECONDS)).as("the build reached its sleep").isTrue();
        long cancelled = System.nanoTime();
        cancellation.cancel();
        builder.join(60_000);
        assertThat((System.nanoTime() - cancelled) / 1e9).as("cancel does not wait for the sleep").isLessThan(30);
        assertThat(thrown).isEmpty();
        assertThat(result).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(BuildOutcome.Status.CANCELLED);
            assertThat(o.error()).hasValue("cancelled");
            assertThat(o.steps()).anyMatch(s -> s.instruction().contains("sleep 120") && !s.cached());
        });
        assertThat(engine.imagesLabelled("dev.slimlab.build", build)).isEmpty();
        assertThat(engine.exists("slimlab/" + EXPERIMENT + ":cancelled")).isFalse();
        Thread.sleep(3000); // the daemon stops the step's process within a few seconds
        List<String> processes = new ArrayList<>(List.of(
                new String(new ProcessBuilder("ps", "-eo", "args").start().getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8).split("\n")));
        assertThat(processes).as("the step's process is gone").noneMatch(p -> p.contains("sleeping " + build));
    }

    @Test
    void aFrontendNoRegistryCanGiveIsSaidPlainly() throws Exception {
        assertThat(engine.whyNotPullable("docker/dockerfile:1")).hasValueSatisfying(why -> assertThat(why)
                .contains("no registry can be reached"));
    }
}
