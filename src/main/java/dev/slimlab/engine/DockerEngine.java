package dev.slimlab.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import dev.slimlab.dockerfile.ResolvedStage;
import dev.slimlab.dockerfile.ShellLex;
import dev.slimlab.dockerfile.Variables;
import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.ContainerRun;
import dev.slimlab.engine.api.ContainerSpec;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.ImageArchiveAnalysis;
import dev.slimlab.engine.api.ImageDetails;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.engine.api.ImageFile;
import dev.slimlab.engine.api.LayerHistory;
import dev.slimlab.engine.api.RunningContainer;
import dev.slimlab.engine.layers.ImageArchiveAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Docker daemon through docker-java, reached as the docker CLI reaches it: {@code DOCKER_HOST}
 * (unix socket or tcp), {@code DOCKER_TLS_VERIFY} / {@code DOCKER_CERT_PATH}, else
 * {@code unix:///var/run/docker.sock}.
 */
public final class DockerEngine implements ImageEngine {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(3);

    private final DockerClientConfig config;
    /** For quick calls: a daemon that does not answer in a few seconds is reported as such. */
    private final DockerClient quick;
    /** For builds and image streams, which may take as long as they take. */
    private final DockerClient slow;
    private final Containers containers;
    private final DockerHttpClient quickHttp;
    private final DockerHttpClient slowHttp;
    private final BuilderChoice builders;

    public DockerEngine() {
        this(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    DockerEngine(DockerClientConfig config) {
        this.config = config;
        this.quickHttp = http(config, PING_TIMEOUT, Duration.ofSeconds(60));
        this.quick = DockerClientImpl.getInstance(config, quickHttp);
        this.slowHttp = http(config, PING_TIMEOUT, null);
        this.slow = DockerClientImpl.getInstance(config, slowHttp);
        this.containers = new Containers(this, quick, slow, slowHttp);
        this.builders = new BuilderChoice(this, quickHttp);
    }

    private static DockerHttpClient http(DockerClientConfig config, Duration connect, Duration response) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(connect)
                .maxConnections(16);
        if (response != null) {
            http.responseTimeout(response);
        }
        return http.build();
    }

    /** Where the daemon is expected, as configured. */
    public String host() {
        return config.getDockerHost().toString();
    }

    @Override
    public EngineInfo ping() throws EngineException {
        Version version = call("reach the daemon", () -> {
            quick.pingCmd().exec();
            return quick.versionCmd().exec();
        });
        return new EngineInfo(host(), version.getVersion(), version.getApiVersion(),
                version.getOperatingSystem() + "/" + version.getArch(), Builder.AUTO);
    }

    @Override
    public Builder resolve(Builder requested) throws EngineException {
        return builders.resolve(requested);
    }

    @Override
    public Optional<String> whyNotPullable(String image) throws EngineException {
        try (DockerHttpClient.Response answer = quickHttp.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/distribution/" + image + "/json").build())) {
            if (answer.getStatusCode() == 200) {
                return Optional.empty();
            }
            String body = new String(answer.getBody().readNBytes(2000), StandardCharsets.UTF_8).strip();
            String why = body.replaceFirst("^\\{\"message\":\"(.*)\"}$", "$1");
            return Optional.of(registryUnreachable(why) ? "no registry can be reached (" + why + ")" : why);
        } catch (IOException | RuntimeException e) {
            throw new EngineException("cannot ask the daemon at " + host() + " about " + image + ": " + message(e), e);
        }
    }

    /** Asks the daemon to stop a BuildKit build; a build that already ended is no error. */
    void cancelBuild(String buildId) {
        try (DockerHttpClient.Response ignored = quickHttp.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/build/cancel?id=" + java.net.URLEncoder.encode(buildId, StandardCharsets.UTF_8)).build())) {
            // the answer says nothing the build stream will not
        } catch (RuntimeException e) {
            // the daemon went away: closing the stream is all that is left to do
        }
    }

    @Override
    public BuildOutcome build(BuildRequest request, BuildListener listener, Cancellation cancellation)
            throws EngineException {
        Optional<String> missing = pullMissingBaseImages(request, listener);
        if (missing.isPresent()) {
            return new BuildOutcome(BuildOutcome.Status.FAILED, Optional.empty(), missing, List.of(), 0,
                    List.of(missing.get()));
        }
        Path tar = null;
        try {
            tar = Files.createTempFile("slimlab-context-", ".tar");
            try (OutputStream out = Files.newOutputStream(tar)) {
                BuildContextTar.write(request, out);
            }
            Builder builder = resolve(request.builder());
            try (InputStream context = Files.newInputStream(tar)) {
                return builder == Builder.BUILDKIT
                        ? new BuildKitBuild(this, slowHttp, request, listener, cancellation).run(context)
                        : new ClassicBuild(this, request, listener, cancellation).run(command(request, context));
            }
        } catch (IOException e) {
            throw new EngineException("cannot send the build context " + request.contextDir() + ": " + e.getMessage(), e);
        } finally {
            if (tar != null) {
                try {
                    Files.deleteIfExists(tar);
                } catch (IOException ignored) {
                    // a temp file left behind is not worth failing the build for
                }
            }
        }
    }

    /**
     * Pulls, with progress on the listener, the base images the Dockerfile names that the daemon
     * does not have. Returns why a pull failed, in words, or empty when every base is there.
     */
    private Optional<String> pullMissingBaseImages(BuildRequest request, BuildListener listener) throws EngineException {
        List<String> bases;
        try {
            bases = Variables.resolve(Dockerfile.parse(request.dockerfile()), request.buildArgs()).stream()
                    .filter(stage -> stage.baseStage().isEmpty())
                    .map(ResolvedStage::baseImage)
                    .filter(image -> !image.isBlank() && !image.equals("scratch"))
                    .distinct().toList();
        } catch (DockerfileSyntaxException | ShellLex.ExpansionException e) {
            return Optional.empty(); // the build itself will say what is wrong with the Dockerfile
        }
        for (String image : bases) {
            if (exists(image)) {
                continue;
            }
            listener.onLine("Pulling " + image + " (not on this machine)");
            try {
                slow.pullImageCmd(image).exec(new ResultCallback.Adapter<PullResponseItem>() {
                    @Override
                    public void onNext(PullResponseItem item) {
                        if (item.getStatus() != null) {
                            listener.onLine((item.getId() == null ? "" : item.getId() + ": ") + item.getStatus()
                                    + (item.getProgress() == null ? "" : " " + item.getProgress()));
                        }
                    }
                }).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while pulling the base image " + image);
            } catch (RuntimeException e) {
                return Optional.of(pullFailure(image, message(e)));
            }
        }
        return Optional.empty();
    }

    private static final Pattern NO_REGISTRY = Pattern.compile(
            "no such host|dial tcp|connection refused|i/o timeout|TLS handshake timeout");

    /** True if the daemon's error says it could not reach a registry. */
    static boolean registryUnreachable(String daemonError) {
        return NO_REGISTRY.matcher(daemonError).find();
    }

    /** Why a base image could not be pulled, said plainly when no registry can be reached. */
    static String pullFailure(String image, String daemonError) {
        return registryUnreachable(daemonError)
                ? "the base image " + image + " is not on this machine and no registry can be reached to pull it ("
                        + daemonError.strip() + "); build a stand-in (scripts/build-base-images.sh) or load it with docker load"
                : "cannot pull the base image " + image + ": " + daemonError.strip();
    }

    private BuildImageCmd command(BuildRequest request, InputStream context) {
        BuildImageCmd cmd = slow.buildImageCmd()
                .withTarInputStream(context)
                .withTags(Set.of(request.tag()))
                .withLabels(request.labels())
                .withNoCache(request.noCache())
                .withPull(request.pull())
                .withRemove(true)
                .withForcerm(true);
        request.buildArgs().forEach(cmd::withBuildArg);
        request.target().ifPresent(cmd::withTarget);
        return cmd;
    }

    /** Starts a build and hands its response items to {@code callback} (used by {@link ClassicBuild}). */
    <T extends ResultCallback<BuildResponseItem>> T start(BuildImageCmd cmd, T callback) {
        return cmd.exec(callback);
    }

    @Override
    public ImageDetails inspect(String image) throws EngineException {
        InspectImageResponse r = call("inspect " + image, () -> quick.inspectImageCmd(image).exec());
        ContainerConfig c = r.getConfig();
        return new ImageDetails(r.getId(), list(r.getRepoTags()), r.getSize() == null ? 0 : r.getSize(),
                String.valueOf(r.getCreated()),
                c == null ? List.of() : list(c.getEnv()),
                c == null ? List.of() : list(c.getEntrypoint()),
                c == null ? List.of() : list(c.getCmd()),
                c == null || c.getUser() == null ? "" : c.getUser(),
                c == null || c.getWorkingDir() == null ? "" : c.getWorkingDir(),
                c == null || c.getExposedPorts() == null ? List.of()
                        : Arrays.stream(c.getExposedPorts()).map(ExposedPort::toString).sorted().toList(),
                c == null || c.getLabels() == null ? Map.of() : c.getLabels(),
                c == null || c.getVolumes() == null ? List.of()
                        : c.getVolumes().keySet().stream().sorted().toList(),
                c == null || c.getHealthcheck() == null ? List.of() : list(c.getHealthcheck().getTest()));
    }

    @Override
    public List<LayerHistory> history(String image) throws EngineException {
        List<ImageHistory> entries = call("read the history of " + image, () -> quick.imageHistoryCmd(image).exec());
        return entries.stream().map(h -> new LayerHistory(h.getId(),
                h.getCreatedBy() == null ? "" : h.getCreatedBy(),
                h.getSize() == null ? 0 : h.getSize(),
                h.getSize() == null || h.getSize() == 0)).toList();
    }

    @Override
    public InputStream save(String image) throws EngineException {
        return call("save " + image, () -> slow.saveImageCmd(image).exec());
    }

    @Override
    public ImageArchiveAnalysis analyze(String image, int compressionLevel) throws EngineException {
        try (InputStream archive = save(image)) {
            return new ImageArchiveAnalyzer().withCompressionLevel(compressionLevel).analyze(archive);
        } catch (IOException e) {
            throw new EngineException("cannot analyse the layers of " + image + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ContainerRun run(ContainerSpec spec, Cancellation cancellation) throws EngineException {
        return containers.run(spec, cancellation);
    }

    @Override
    public RunningContainer start(ContainerSpec spec) throws EngineException {
        return containers.start(spec);
    }

    @Override
    public Optional<ImageFile> readFile(String image, String path, int maxContentBytes, Map<String, String> labels)
            throws EngineException {
        return containers.readFile(image, path, maxContentBytes, labels);
    }

    @Override
    public boolean exists(String image) throws EngineException {
        try {
            quick.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw unreachable("look up " + image, e);
        }
    }

    @Override
    public void removeImage(String image) throws EngineException {
        try {
            quick.removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            throw unreachable("remove " + image, e);
        }
    }

    @Override
    public void removeContainer(String container) throws EngineException {
        try {
            quick.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            throw unreachable("remove container " + container, e);
        }
    }

    @Override
    public List<String> imagesLabelled(String label, String value) throws EngineException {
        return call("list images", () -> (value == null
                ? quick.listImagesCmd().withShowAll(true).withLabelFilter(label)
                : quick.listImagesCmd().withShowAll(true).withLabelFilter(Map.of(label, value)))
                .exec().stream().map(i -> i.getId()).toList());
    }

    @Override
    public List<String> containersLabelled(String label, String value) throws EngineException {
        return call("list containers", () -> (value == null
                ? quick.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label))
                : quick.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)))
                .exec().stream().map(c -> c.getId()).toList());
    }

    @Override
    public void close() {
        try {
            quick.close();
            slow.close();
        } catch (IOException e) {
            // closing a connection pool: nothing to do about a failure
        }
    }

    /** Runs a daemon call, saying in words what could not be done and why. */
    <T> T call(String what, Supplier<T> action) throws EngineException {
        try {
            return action.get();
        } catch (NotFoundException e) {
            throw new EngineException("cannot " + what + ": not found (" + message(e) + ")", e);
        } catch (RuntimeException e) {
            throw unreachable(what, e);
        }
    }

    EngineException unreachable(String what, RuntimeException e) {
        if (e instanceof DockerException) {
            return new EngineException("cannot " + what + ": " + message(e), e);
        }
        return new EngineException("cannot " + what + ": the Docker daemon is not reachable at " + host()
                + " (" + message(e) + "). Start dockerd, or point DOCKER_HOST at a running daemon.", e);
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return m.strip();
    }

    static <T> List<T> list(T[] array) {
        return array == null ? List.of() : List.of(array);
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

}
