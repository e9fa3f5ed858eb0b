package dev.slimlab.experiment;

import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.BuildStep;
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
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.LayerHistory;
import dev.slimlab.engine.api.RunningContainer;
import dev.slimlab.engine.api.WasteReport;
import dev.slimlab.engine.api.WastedFile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An engine for runner tests: "builds" a Dockerfile by reading it. Its image size is the
 * Dockerfile's length times 1000; a Dockerfile containing {@code FAIL} fails, one containing
 * {@code HANG} runs until cancelled, one containing {@code BOOM} throws.
 */
public final class FakeEngine implements ImageEngine {

    public final List<String> built = new ArrayList<>();
    final Map<String, String> images = new ConcurrentHashMap<>();
    /** Every container "run", in order. */
    final List<ContainerSpec> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What a container run gives; by default it exits 0 and prints nothing. */
    volatile java.util.function.Function<ContainerSpec, ContainerRun> containers = spec -> new ContainerRun(
            ContainerRun.Ending.EXITED, 0, "", "", false, java.time.Duration.ofMillis(5), Optional.empty());

    /** Whether the fake daemon builds with BuildKit (auto picks it); the builder of every build, in order. */
    public volatile boolean offersBuildKit = true;
    public final List<Builder> builders = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Every build request, in order. */
    public final List<BuildRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public EngineInfo ping() {
        return new EngineInfo("fake://", "0.0", "1.41", "linux/amd64", Builder.AUTO);
    }

    @Override
    public Builder resolve(Builder requested) throws EngineException {
        if (requested == Builder.BUILDKIT && !offersBuildKit) {
            throw new dev.slimlab.engine.api.BuilderException("the fake daemon does not offer BuildKit");
        }
        return requested == Builder.CLASSIC || !offersBuildKit ? Builder.CLASSIC : Builder.BUILDKIT;
    }

    @Override
    public Optional<String> whyNotPullable(String image) {
        return Optional.of("no registry can be reached (the fake daemon has none)");
    }

    @Override
    public BuildOutcome build(BuildRequest request, BuildListener listener, Cancellation cancellation) {
        String dockerfile = new String(request.dockerfile(), StandardCharsets.UTF_8);
        synchronized (built) {
            built.add(request.tag());
        }
        builders.add(request.builder());
        requests.add(request);
        if (dockerfile.contains("--mount") && request.builder() != Builder.BUILDKIT) {
            return new BuildOutcome(BuildOutcome.Status.FAILED, Optional.empty(),
                    Optional.of("the --mount option requires BuildKit"), List.of(), 0.1, List.of());
        }
        listener.onLine("Step 1/2 : FROM scratch");
        listener.onStep(1, 2, "FROM scratch");
        listener.onStep(2, 2, "RUN work");
        if (dockerfile.contains("BOOM")) {
            throw new IllegalStateException("the fake engine exploded");
        }
        if (dockerfile.contains("HANG")) {
            CountDownLatch stop = new CountDownLatch(1);
            cancellation.onCancel(stop::countDown);
            try {
                stop.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new BuildOutcome(BuildOutcome.Status.CANCELLED, Optional.empty(), Optional.of("cancelled"),
                    List.of(), 0.5, List.of("hanging"));
        }
        if (dockerfile.contains("FAIL")) {
            return new BuildOutcome(BuildOutcome.Status.FAILED, Optional.empty(),
                    Optional.of("The command '/bin/sh -c FAIL' returned a non-zero code: 1"),
                    List.of(new BuildStep(1, "FROM scratch", 0.0, 0.1, false)), 0.2, List.of("Step 2/2 : RUN FAIL", "oops"));
        }
        String id = "sha256:" + Integer.toHexString(dockerfile.hashCode());
        images.put(id, dockerfile);
        return new BuildOutcome(BuildOutcome.Status.BUILT, Optional.of(id), Optional.empty(),
                List.of(new BuildStep(1, "FROM scratch", 0.0, 0.1, false), new BuildStep(2, "RUN work", 0.1, 1.0, false)),
                1.25, List.of("Successfully built"));
    }

    @Override
    public ImageDetails inspect(String image) {
        return new ImageDetails(image, List.of(), images.get(image).length() * 1000L, "now", List.of(), List.of(),
                List.of(), "", "", List.of(), Map.of(), List.of(), List.of());
    }

    @Override
    public List<LayerHistory> history(String image) {
        long size = images.get(image).length() * 1000L;
        return List.of(new LayerHistory("b", "RUN work", size - 100, false), new LayerHistory("e", "ENV x", 0, true),
                new LayerHistory("a", "FROM scratch", 100, false));
    }

    @Override
    public ImageArchiveAnalysis analyze(String image, int compressionLevel) {
        long size = images.get(image).length() * 1000L;
        return new ImageArchiveAnalysis(new WasteReport(size, 10, 0.9, 1.0, List.of(new WastedFile("/x", 2, 10))),
                size / 2, List.of(size / 2), List.of(new InstalledPackage("dpkg", "curl", "7", 1000)));
    }

    @Override
    public InputStream save(String image) {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public ContainerRun run(ContainerSpec spec, Cancellation cancellation) {
        ran.add(spec);
        return containers.apply(spec);
    }

    @Override
    public RunningContainer start(ContainerSpec spec) throws EngineException {
        throw new EngineException("the fake engine runs no services");
    }

    @Override
    public Optional<ImageFile> readFile(String image, String path, int maxContentBytes, Map<String, String> labels) {
        return Optional.empty();
    }

    @Override
    public boolean exists(String image) {
        return images.containsKey(image);
    }

    @Override
    public void removeContainer(String container) {
    }

    @Override
    public void removeImage(String image) {
        images.remove(image);
    }

    @Override
    public List<String> imagesLabelled(String label, String value) {
        return List.copyOf(images.keySet());
    }

    @Override
    public List<String> containersLabelled(String label, String value) {
        return List.of();
    }

    @Override
    public void close() {
    }
}
