package dev.slimlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.BuildStep;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.ImageDetails;
import dev.slimlab.engine.api.LayerHistory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker-java engine against the real daemon, building with the classic builder (BuildKitBuildTest: BuildKit). */
@NeedsDaemon
class DockerEngineTest {

    static final String EXPERIMENT = "engine-test";
    static final Map<String, String> LABELS = Map.of("dev.slimlab.experiment", EXPERIMENT);

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

    private BuildRequest request(String dockerfile, String tag) {
        return BuildRequest.of(context, dockerfile.getBytes(StandardCharsets.UTF_8), "slimlab/" + EXPERIMENT + ":" + tag,
                LABELS).withBuilder(Builder.CLASSIC);
    }

    @Test
    void pingSaysWhichDaemon() throws Exception {
        EngineInfo info = engine.ping();
        assertThat(info.engineVersion()).isNotBlank();
        assertThat(info.apiVersion()).matches("\\d+\\.\\d+");
        assertThat(info.host()).isNotBlank();
    }

    @Test
    void anUnreachableDaemonIsReportedInWords() {
        DockerEngine nowhere = new DockerEngine(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("tcp://127.0.0.1:9").build());
        assertThatThrownBy(nowhere::ping).isInstanceOf(EngineException.class)
                .hasMessageContaining("not reachable at tcp://127.0.0.1:9")
                .hasMessageContaining("Start dockerd");
        nowhere.close();
    }

    @Test
    void buildsStreamingStepsAndTheDaemonsNumbersAgree() throws Exception {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        Files.write(context.resolve("data.bin"), data);
        String dockerfile = "FROM " + DockerDaemon.BUSYBOX + "\nCOPY data.bin /data.bin\n"
                + "RUN dd if=/dev/zero of=/big bs=1024 count=512\nCMD [\"sh\"]\n";
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Integer> stepsHeard = new CopyOnWriteArrayList<>();
        BuildListener listener = new BuildListener() {
            @Override
            public void onLine(String line) {
                lines.add(line);
            }

            @Override
            public void onStep(int step, int steps, String instruction) {
                stepsHeard.add(step);
            }
        };
        BuildOutcome outcome = engine.build(request(dockerfile, "built").withNoCache(true), listener, Cancellation.none());
        assertThat(outcome.status()).as(String.join("\n", outcome.logTail())).isEqualTo(BuildOutcome.Status.BUILT);
        assertThat(outcome.imageId()).hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));
        assertThat(outcome.steps()).extracting(BuildStep::number).startsWith(1, 2, 3, 4);
        assertThat(outcome.steps()).noneMatch(BuildStep::cached);
        assertThat(outcome.steps()).allMatch(s -> s.seconds() >= 0);
        assertThat(stepsHeard).startsWith(1, 2, 3, 4);
        assertThat(lines).anyMatch(l -> l.startsWith("Step 3/"));

        ImageDetails details = engine.inspect(outcome.imageId().get());
        assertThat(details.id()).isEqualTo(outcome.imageId().get());
        assertThat(details.tags()).contains("slimlab/" + EXPERIMENT + ":built");
        assertThat(details.labels()).containsEntry("dev.slimlab.experiment", EXPERIMENT);
        assertThat(details.cmd()).containsExactly("sh");
        assertThat(details.sizeBytes()).isGreaterThan(512 * 1024 + 100_000);
        List<LayerHistory> history = engine.history(outcome.imageId().get());
        assertThat(history.stream().mapToLong(LayerHistory::sizeBytes).sum()).isEqualTo(details.sizeBytes());
        assertThat(history).anyMatch(h -> h.createdBy().contains("dd if=/dev/zero") && h.sizeBytes() >= 512 * 1024);
        assertThat(engine.imagesLabelled("dev.slimlab.experiment", EXPERIMENT)).contains(details.id());

        BuildOutcome again = engine.build(request(dockerfile, "built"), BuildListener.NONE, Cancellation.none());
        assertThat(again.imageId()).isEqualTo(outcome.imageId());
        assertThat(again.steps()).filteredOn(s -> s.number() > 1 && s.number() <= 3).allMatch(BuildStep::cached);
    }

    @Test
    void aFailingBuildIsAnOutcomeWithItsLogTail() throws Exception {
        BuildOutcome outcome = engine.build(request("FROM " + DockerDaemon.BUSYBOX
                + "\nRUN echo about to fail && false\n", "fails"), BuildListener.NONE, Cancellation.none());
        assertThat(outcome.status()).isEqualTo(BuildOutcome.Status.FAILED);
        assertThat(outcome.error()).hasValueSatisfying(e -> assertThat(e).contains("non-zero code"));
        assertThat(outcome.logTail()).contains("about to fail");
        assertThat(outcome.imageId()).isEmpty();
    }

    @Test
    void cancelStopsTheBuildAndLeavesNoContainerNorLayer() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        List<String> containers = new CopyOnWriteArrayList<>();
        Cancellation cancellation = new Cancellation();
        BuildListener listener = new BuildListener() {
            @Override
            public void onLine(String line) {
                if (line.startsWith(" ---> Running in ")) {
                    containers.add(line.substring(" ---> Running in ".length()).strip());
                }
                if (line.contains("sleeping")) {
                    running.countDown();
                }
            }
        };
        String dockerfile = "FROM " + DockerDaemon.BUSYBOX + "\nRUN echo one > /one\nRUN echo sleeping && sleep 120\n";
        List<BuildOutcome> result = new ArrayList<>();
        List<Exception> thrown = new CopyOnWriteArrayList<>();
        Thread builder = new Thread(() -> {
            try {
                result.add(engine.build(request(dockerfile, "cancelled").withNoCache(true), listener, cancellation));
            } catch (EngineException | RuntimeException e) {
                thrown.add(e);
            }
        });
        long started = System.nanoTime();
        builder.start();
        assertThat(running.await(60, TimeUnit.SECONDS)).as("the build reached its sleep").isTrue();
        cancellation.cancel();
        builder.join(60_000);
        assertThat((System.nanoTime() - started) / 1e9).as("cancel does not wait for the sleep").isLessThan(100);
        assertThat(thrown).isEmpty();
        assertThat(result).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(BuildOutcome.Status.CANCELLED));
        assertThat(containers).isNotEmpty();
        Thread.sleep(1000);
        for (String container : containers) {
            assertThat(dockerCli("ps", "-a", "-q", "--no-trunc")).doesNotContain(container);
        }
        assertThat(engine.exists("slimlab/" + EXPERIMENT + ":cancelled")).isFalse();
    }

    @Test
    void aMissingBaseImageIsPulledFirstAndAFailedPullIsSaidPlainly() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        BuildListener listener = new BuildListener() {
            @Override
            public void onLine(String line) {
                lines.add(line);
            }
        };
        BuildOutcome outcome = engine.build(request("ARG TAG=1\nFROM slimlab-test/not-here:${TAG}\nRUN true\n", "nobase"),
                listener, Cancellation.none());
        assertThat(outcome.status()).isEqualTo(BuildOutcome.Status.FAILED);
        assertThat(lines).first().isEqualTo("Pulling slimlab-test/not-here:1 (not on this machine)");
        assertThat(outcome.error()).hasValueSatisfying(e -> assertThat(e).contains("slimlab-test/not-here:1")
                .containsAnyOf("no registry can be reached", "cannot pull the base image"));
        assertThat(outcome.steps()).as("the build never started").isEmpty();

        lines.clear();
        engine.build(request("FROM " + DockerDaemon.BUSYBOX + "\nRUN true\n", "hasbase"), listener, Cancellation.none());
        assertThat(lines).noneMatch(l -> l.startsWith("Pulling"));
    }

    @Test
    void saveStreamsTheImageAsATar() throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = engine.save(DockerDaemon.BUSYBOX); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("manifest.json").anyMatch(n -> n.endsWith("layer.tar"));
    }

    @Test
    void aMissingImageIsNotFoundInWords() throws Exception {
        assertThat(engine.exists("slimlab-test/no-such-image:1")).isFalse();
        assertThatThrownBy(() -> engine.inspect("slimlab-test/no-such-image:1"))
                .isInstanceOf(EngineException.class).hasMessageContaining("not found");
        engine.removeImage("slimlab-test/no-such-image:1");
    }

    static String dockerCli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
