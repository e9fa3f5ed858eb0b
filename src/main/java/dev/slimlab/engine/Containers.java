package dev.slimlab.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.ContainerRun;
import dev.slimlab.engine.api.ContainerSpec;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageFile;
import dev.slimlab.engine.api.RunningContainer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Test containers on the daemon: created under {@link ContainerSpec}'s limits, run, read, and
 * removed whatever happens. The part of {@link DockerEngine} that runs things rather than
 * building them.
 */
final class Containers {

    /** A tool run in a test container cannot fork-bomb the machine. */
    private static final long PIDS_LIMIT = 512;

    private final DockerEngine engine;
    private final DockerClient quick;
    private final DockerClient slow;
    /** For the archive API: closing its raw response aborts the transfer instead of reading it all. */
    private final DockerHttpClient http;

    Containers(DockerEngine engine, DockerClient quick, DockerClient slow, DockerHttpClient http) {
        this.engine = engine;
        this.quick = quick;
        this.slow = slow;
        this.http = http;
    }

    ContainerRun run(ContainerSpec spec, Cancellation cancellation) throws EngineException {
        String id = create(spec, false);
        long started = System.nanoTime();
        try {
            cancellation.onCancel(() -> removeQuietly(id));
            if (cancellation.isCancelled()) {
                return ended(ContainerRun.Ending.CANCELLED, -1, Output.EMPTY, started, Optional.empty());
            }
            run("start a container of " + spec.image(), () -> quick.startContainerCmd(id).exec());
            ContainerRun.Ending ending;
            int exitCode = -1;
            try (WaitContainerResultCallback wait = slow.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
                exitCode = wait.awaitStatusCode(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
                ending = ContainerRun.Ending.EXITED;
            } catch (RuntimeException e) {
                // a time-out, or the container removed under us by a cancel
                ending = cancellation.isCancelled() ? ContainerRun.Ending.CANCELLED : ContainerRun.Ending.TIMED_OUT;
            } catch (IOException e) {
                ending = ContainerRun.Ending.EXITED; // closing the wait stream failed after it answered
            }
            if (cancellation.isCancelled()) {
                ending = ContainerRun.Ending.CANCELLED; // the wait may have seen it die from the removal
            }
            if (ending == ContainerRun.Ending.TIMED_OUT) {
                killQuietly(id);
            }
            if (ending == ContainerRun.Ending.CANCELLED) {
                return ended(ending, -1, Output.EMPTY, started, Optional.empty());
            }
            Output output = logs(id);
            Optional<String> committed = Optional.empty();
            if (spec.commit() && ending == ContainerRun.Ending.EXITED) {
                committed = Optional.of(engine.call("commit a test container of " + spec.image(),
                        () -> quick.commitCmd(id).withLabels(spec.labels()).exec()));
            }
            return ended(ending, exitCode, output, started, committed);
        } finally {
            removeQuietly(id);
        }
    }

    RunningContainer start(ContainerSpec spec) throws EngineException {
        int port = spec.publishedPort().orElseThrow(() -> new IllegalArgumentException("no port to publish"));
        String id = create(spec, false);
        try {
            run("start a container of " + spec.image(), () -> quick.startContainerCmd(id).exec());
            InspectContainerResponse inspected = engine.call("inspect a container of " + spec.image(),
                    () -> quick.inspectContainerCmd(id).exec());
            Ports.Binding[] bindings = inspected.getNetworkSettings().getPorts().getBindings()
                    .get(ExposedPort.tcp(port));
            if (bindings == null || bindings.length == 0) {
                throw new EngineException("the daemon did not publish port " + port + " of " + spec.image()
                        + " (the container may have exited at once; its log: " + logs(id).interleaved.toString().strip() + ")");
            }
            int hostPort = Integer.parseInt(bindings[0].getHostPortSpec());
            return new Running(id, hostPort);
        } catch (EngineException | RuntimeException e) {
            removeQuietly(id);
            throw e;
        }
    }

    Optional<ImageFile> readFile(String image, String path, int maxContentBytes, Map<String, String> labels)
            throws EngineException {
        // A created, never started container is enough for the archive API to read its filesystem.
        String id = create(ContainerSpec.of(image).withCommand(List.of("/slimlab-not-run")).withLabels(labels), true);
        // docker-java's copyArchiveFromContainerCmd would read the whole tree of a directory
        // (all of "/" for "/") before closing; the raw response stops after the first entry.
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + id + "/archive?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            if (response.getStatusCode() != 200) {
                throw new EngineException("cannot read " + path + " from " + image + ": the daemon answered "
                        + response.getStatusCode() + " " + new String(response.getBody().readNBytes(2000),
                        StandardCharsets.UTF_8).strip());
            }
            TarArchiveInputStream entries = new TarArchiveInputStream(response.getBody());
            TarArchiveEntry entry = entries.getNextEntry();
            if (entry == null) {
                return Optional.empty();
            }
            byte[] content = entry.isFile() ? entries.readNBytes((int) Math.min(maxContentBytes, entry.getSize()))
                    : new byte[0];
            return Optional.of(new ImageFile(path, type(entry), entry.getMode() & 07777, entry.getLongUserId(),
                    entry.getLongGroupId(), entry.isFile() ? entry.getSize() : 0,
                    entry.isSymbolicLink() || entry.isLink() ? entry.getLinkName() : "", content));
        } catch (IOException e) {
            throw new EngineException("cannot read " + path + " from " + image + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw engine.unreachable("read " + path + " from " + image, e);
        } finally {
            removeQuietly(id);
        }
    }

    private static char type(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return 'd';
        } else if (entry.isSymbolicLink()) {
            return 'l';
        } else if (entry.isLink()) {
            return 'h';
        } else if (entry.isCharacterDevice()) {
            return 'c';
        } else if (entry.isBlockDevice()) {
            return 'b';
        } else if (entry.isFIFO()) {
            return 'p';
        }
        return '-';
    }

    private String create(ContainerSpec spec, boolean neverStarted) throws EngineException {
        HostConfig host = HostConfig.newHostConfig()
                .withPrivileged(false)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withNetworkMode(spec.network() ? "bridge" : "none")
                .withMemory(spec.memoryBytes())
                .withMemorySwap(spec.memoryBytes())
                .withNanoCPUs(spec.nanoCpus())
                .withPidsLimit(PIDS_LIMIT)
                .withAutoRemove(false);
        CreateContainerCmd cmd = quick.createContainerCmd(spec.image())
                .withLabels(spec.labels())
                .withEnv(spec.env())
                .withTty(false)
                .withAttachStdout(!neverStarted)
                .withAttachStderr(!neverStarted);
        spec.publishedPort().ifPresent(port -> {
            host.withPortBindings(new Ports(ExposedPort.tcp(port), Ports.Binding.bindIp("127.0.0.1")));
            cmd.withExposedPorts(ExposedPort.tcp(port));
        });
        // [""] is how the API says "no entrypoint"; an empty list would keep the image's.
        spec.entrypoint().ifPresent(e -> cmd.withEntrypoint(e.isEmpty() ? List.of("") : e));
        spec.cmd().ifPresent(cmd::withCmd);
        cmd.withHostConfig(host);
        try {
            return cmd.exec().getId();
        } catch (NotFoundException e) {
            throw new EngineException("cannot run " + spec.image() + ": no such image on the daemon", e);
        } catch (RuntimeException e) {
            throw engine.unreachable("create a container of " + spec.image(), e);
        }
    }

    private ContainerRun ended(ContainerRun.Ending ending, int exitCode, Output output, long startedNanos,
                               Optional<String> committed) {
        return new ContainerRun(ending, exitCode, output.stdout.toString(), output.stderr.toString(), output.truncated,
                Duration.ofNanos(System.nanoTime() - startedNanos), committed);
    }

    /** Standard output and error of a container, each bounded, and both interleaved. */
    private static final class Output {
        static final Output EMPTY = new Output();
        final StringBuilder stdout = new StringBuilder();
        final StringBuilder stderr = new StringBuilder();
        final StringBuilder interleaved = new StringBuilder();
        boolean truncated;

        void add(StreamType type, byte[] payload) {
            String text = new String(payload, StandardCharsets.UTF_8);
            append(type == StreamType.STDERR ? stderr : stdout, text);
            append(interleaved, text);
        }

        private void append(StringBuilder into, String text) {
            int room = ContainerRun.MAX_OUTPUT_CHARS - into.length();
            if (text.length() > room) {
                truncated = true;
                into.append(text, 0, Math.max(room, 0));
            } else {
                into.append(text);
            }
        }
    }

    private Output logs(String id) throws EngineException {
        Output output = new Output();
        try {
            slow.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            output.add(frame.getStreamType(), frame.getPayload());
                        }
                    }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while reading a container's output", e);
        } catch (RuntimeException e) {
            throw engine.unreachable("read a container's output", e);
        }
        return output;
    }

    private void killQuietly(String id) {
        try {
            quick.killContainerCmd(id).exec();
        } catch (RuntimeException e) {
            // it may have exited meanwhile; removal follows anyway
        }
    }

    private void removeQuietly(String id) {
        try {
            engine.removeContainer(id);
        } catch (EngineException e) {
            // the daemon went away: nothing more can be done from here
        }
    }

    private void run(String what, Runnable action) throws EngineException {
        engine.call(what, () -> {
            action.run();
            return null;
        });
    }

    private final class Running implements RunningContainer {
        private final String id;
        private final int port;

        Running(String id, int port) {
            this.id = id;
            this.port = port;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean running() throws EngineException {
            InspectContainerResponse r = engine.call("inspect container " + id, () -> quick.inspectContainerCmd(id).exec());
            return Boolean.TRUE.equals(r.getState().getRunning());
        }

        @Override
        public String logs() throws EngineException {
            return Containers.this.logs(id).interleaved.toString();
        }

        @Override
        public void close() {
            removeQuietly(id);
        }
    }
}
