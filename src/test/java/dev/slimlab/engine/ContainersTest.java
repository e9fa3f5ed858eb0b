package dev.slimlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.ContainerRun;
import dev.slimlab.engine.api.ContainerSpec;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageFile;
import dev.slimlab.engine.api.RunningContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test containers on the real daemon: limits, output, time-outs, cancel, commit, files, services. */
@NeedsDaemon
class ContainersTest {

    static final String LABEL = "dev.slimlab.staging";
    static final String RUN = "containers-test";
    static final Map<String, String> LABELS = Map.of(LABEL, RUN, "dev.slimlab.experiment", RUN);

    static DockerEngine engine;
    static String fixture;

    @BeforeAll
    static void start(@TempDir Path context) throws Exception {
        engine = new DockerEngine();
        DockerDaemon.ensureBusybox(engine);
        String dockerfile = "FROM " + DockerDaemon.BUSYBOX + "\n"
                + "RUN mkdir -p /www /app && echo 'hello from the container' > /www/index.html"
                + " && printf 'line one\\nversion=1.2.3\\n' > /app/config.txt && chown 65534:65534 /app/config.txt"
                + " && chmod 4750 /app/config.txt && ln -s config.txt /app/link\n"
                + "ENV GREETING=hi\n";
        BuildOutcome outcome = engine.build(BuildRequest.of(context, dockerfile.getBytes(StandardCharsets.UTF_8),
                "slimlab/" + RUN + ":fixture", LABELS), BuildListener.NONE, Cancellation.none());
        assertThat(outcome.status()).as(String.join("\n", outcome.logTail())).isEqualTo(BuildOutcome.Status.BUILT);
        fixture = outcome.imageId().orElseThrow();
    }

    @AfterEach
    void noContainerSurvives() throws Exception {
        assertThat(engine.containersLabelled(LABEL, RUN)).isEmpty();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (engine != null) {
            engine.removeLabelled("dev.slimlab.experiment", RUN);
            engine.close();
        }
    }

    private static ContainerSpec sh(String script) {
        return ContainerSpec.of(fixture).withCommand(List.of("sh", "-c", script)).withLabels(LABELS);
    }

    @Test
    void keepsStdoutAndStderrApartWithTheExitCode() throws Exception {
        ContainerRun run = engine.run(sh("echo out; echo err >&2; echo \"$GREETING $EXTRA\"; exit 3")
                .withEnv(List.of("EXTRA=there")), Cancellation.none());
        assertThat(run.ending()).isEqualTo(ContainerRun.Ending.EXITED);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stdout()).isEqualTo("out\nhi there\n");
        assertThat(run.stderr()).isEqualTo("err\n");
        assertThat(run.truncated()).isFalse();
    }

    @Test
    void runsWithoutNetworkOrNewPrivilegesAndWithinItsLimits() throws Exception {
        ContainerRun run = engine.run(sh("ls /sys/class/net; grep NoNewPrivs /proc/self/status;"
                + " cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null")
                .withLimits(256L << 20, 500_000_000L), Cancellation.none());
        assertThat(run.stdout().lines().toList()).containsExactly("lo", "NoNewPrivs:\t1", String.valueOf(256L << 20));
    }

    @Test
    void aServiceContainerGetsTheNetwork() throws Exception {
        try (RunningContainer web = engine.start(ContainerSpec.of(fixture).withLabels(LABELS)
                .withCommand(List.of("httpd", "-f", "-p", "8080", "-h", "/www")).publishing(8080))) {
            assertThat(engine.containersLabelled(LABEL, RUN)).containsExactly(web.id());
            assertThat(web.host()).isEqualTo("127.0.0.1");
            assertThat(web.running()).isTrue();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/index.html"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = null;
            for (int attempt = 0; attempt < 50 && response == null; attempt++) {
                try {
                    response = http.send(get, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(response).isNotNull();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello from the container\n");
        }
    }

    @Test
    void isKilledAndRemovedAtItsTimeOut() throws Exception {
        long start = System.nanoTime();
        ContainerRun run = engine.run(sh("echo started; sleep 60").withTimeout(Duration.ofSeconds(2)), Cancellation.none());
        assertThat(run.ending()).isEqualTo(ContainerRun.Ending.TIMED_OUT);
        assertThat(run.stdout()).isEqualTo("started\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void cancellingRemovesTheContainer() throws Exception {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<ContainerRun> run = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.run(sh("sleep 60"), cancellation);
            } catch (EngineException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < 100 && engine.containersLabelled(LABEL, RUN).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(engine.containersLabelled(LABEL, RUN)).hasSize(1);
        cancellation.cancel();
        assertThat(run.get().ending()).isEqualTo(ContainerRun.Ending.CANCELLED);
    }

    @Test
    void commitsTheFilesystemForTheNextStep() throws Exception {
        ContainerRun setup = engine.run(sh("echo made > /made").committing(), Cancellation.none());
        String image = setup.committedImage().orElseThrow();
        try {
            assertThat(engine.inspect(image).labels()).containsEntry(LABEL, RUN);
            ContainerRun next = engine.run(sh("cat /made").withImage(image), Cancellation.none());
            assertThat(next.stdout()).isEqualTo("made\n");
            assertThat(engine.readFile(image, "/made", 100, LABELS).orElseThrow().text()).isEqualTo("made\n");
        } finally {
            engine.removeImage(image);
        }
    }

    @Test
    void readsFilesWithTheirModeOwnerAndContents() throws Exception {
        ImageFile config = engine.readFile(fixture, "/app/config.txt", 1000, LABELS).orElseThrow();
        assertThat(config.type()).isEqualTo('-');
        assertThat(config.mode()).isEqualTo(04750);
        assertThat(config.uid()).isEqualTo(65534);
        assertThat(config.gid()).isEqualTo(65534);
        assertThat(config.size()).isEqualTo(23);
        assertThat(config.text()).isEqualTo("line one\nversion=1.2.3\n");

        assertThat(engine.readFile(fixture, "/app/config.txt", 4, LABELS).orElseThrow().text()).isEqualTo("line");
        ImageFile link = engine.readFile(fixture, "/app/link", 1000, LABELS).orElseThrow();
        assertThat(link.type()).isEqualTo('l');
        assertThat(link.linkTarget()).isEqualTo("config.txt");
        ImageFile dir = engine.readFile(fixture, "/www", 1000, LABELS).orElseThrow();
        assertThat(dir.type()).isEqualTo('d');
        assertThat(dir.content()).isEmpty();
        assertThat(engine.readFile(fixture, "/no/such/file", 1000, LABELS)).isEqualTo(Optional.empty());
    }

    @Test
    void anUnknownImageIsSaidSo() {
        assertThatThrownBy(() -> engine.run(ContainerSpec.of("slimlab-test/no-such-image:1").withLabels(LABELS),
                Cancellation.none()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("slimlab-test/no-such-image:1").hasMessageContaining("no such image");
    }
}
