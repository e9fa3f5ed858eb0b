package dev.slimlab.ui.lab;

import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.ContainerRun;
import dev.slimlab.engine.api.ContainerSpec;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.ImageArchiveAnalysis;
import dev.slimlab.engine.api.ImageDetails;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.engine.api.ImageFile;
import dev.slimlab.engine.api.LayerHistory;
import dev.slimlab.engine.api.RunningContainer;
import dev.slimlab.experiment.FakeEngine;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fake engine, with a gate: a build of the variant named {@link #hold} waits until it is
 * cancelled (after calling {@link #onHold}), as a long build on a real daemon would.
 */
final class GatedEngine implements ImageEngine {

    final FakeEngine engine = new FakeEngine();
    volatile String hold;
    volatile Consumer<String> onHold = variant -> { };
    final CountDownLatch held = new CountDownLatch(1);

    @Override
    public BuildOutcome build(BuildRequest request, BuildListener listener, Cancellation cancellation)
            throws EngineException {
        String gate = hold;
        if (gate != null && request.tag().endsWith(":" + gate)) {
            CountDownLatch stop = new CountDownLatch(1);
            cancellation.onCancel(stop::countDown);
            listener.onStep(1, 2, "RUN a long step");
            held.countDown();
            onHold.accept(gate);
            try {
                stop.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new BuildOutcome(BuildOutcome.Status.CANCELLED, Optional.empty(), Optional.of("cancelled"),
                    List.of(), 0.5, List.of("cancelled"));
        }
        return engine.build(request, listener, cancellation);
    }

    @Override
    public EngineInfo ping() {
        return engine.ping();
    }

    @Override
    public Builder resolve(Builder requested) throws EngineException {
        return engine.resolve(requested);
    }

    @Override
    public Optional<String> whyNotPullable(String image) {
        return engine.whyNotPullable(image);
    }

    @Override
    public ImageDetails inspect(String image) {
        return engine.inspect(image);
    }

    @Override
    public List<LayerHistory> history(String image) {
        return engine.history(image);
    }

    @Override
    public ImageArchiveAnalysis analyze(String image, int compressionLevel) {
        return engine.analyze(image, compressionLevel);
    }

    @Override
    public InputStream save(String image) {
        return engine.save(image);
    }

    @Override
    public ContainerRun run(ContainerSpec spec, Cancellation cancellation) {
        return engine.run(spec, cancellation);
    }

    @Override
    public RunningContainer start(ContainerSpec spec) throws EngineException {
        return engine.start(spec);
    }

    @Override
    public Optional<ImageFile> readFile(String image, String path, int maxContentBytes, Map<String, String> labels) {
        return engine.readFile(image, path, maxContentBytes, labels);
    }

    @Override
    public boolean exists(String image) {
        return engine.exists(image);
    }

    @Override
    public void removeContainer(String container) {
        engine.removeContainer(container);
    }

    @Override
    public void removeImage(String image) {
        engine.removeImage(image);
    }

    @Override
    public List<String> imagesLabelled(String label, String value) {
        return engine.imagesLabelled(label, value);
    }

    @Override
    public List<String> containersLabelled(String label, String value) {
        return engine.containersLabelled(label, value);
    }

    @Override
    public void close() {
    }
}
