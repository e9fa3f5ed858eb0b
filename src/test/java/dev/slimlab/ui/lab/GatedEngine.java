package dev.slimlab.ui.lab;

import dev.slimlab.experiment.BuildListener;
import dev.slimlab.experiment.BuildOutcome;
import dev.slimlab.experiment.BuildRequest;
import dev.slimlab.experiment.Cancellation;
import dev.slimlab.experiment.ContainerRun;
import dev.slimlab.experiment.ContainerSpec;
import dev.slimlab.experiment.EngineException;
import dev.slimlab.experiment.EngineInfo;
import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.experiment.ImageArchiveAnalysis;
import dev.slimlab.experiment.ImageDetails;
import dev.slimlab.experiment.ImageEngine;
import dev.slimlab.experiment.ImageFile;
import dev.slimlab.experiment.LayerHistory;
import dev.slimlab.experiment.RunningContainer;
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
