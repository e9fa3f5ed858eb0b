package dev.slimlab.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.slimlab.experiment.BuildListener;
import dev.slimlab.experiment.BuildOutcome;
import dev.slimlab.experiment.BuildRequest;
import dev.slimlab.experiment.BuildStep;
import dev.slimlab.experiment.Cancellation;
import dev.slimlab.experiment.EngineException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One build on the daemon's classic builder: reads the streamed log line by line, times each
 * {@code Step N/M} on arrival (the classic builder sends no timestamps), notes cache hits, and
 * on cancel closes the stream and removes the container and the images the build made.
 */
final class ClassicBuild {

    static final int LOG_TAIL_LINES = 200;

    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) ?: ?(.*)$");
    private static final Pattern RUNNING_IN = Pattern.compile("^ ---> Running in ([0-9a-f]{12,64})$");
    private static final Pattern LAYER = Pattern.compile("^ ---> ([0-9a-f]{12,64})$");
    private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]{12,64})$");

    private final DockerEngine engine;
    private final BuildRequest request;
    private final BuildListener listener;
    private final Cancellation cancellation;

    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<BuildStep> steps = new ArrayList<>();
    private final List<String> createdImages = new ArrayList<>();
    private int stepNumber;
    private String stepInstruction;
    private long stepStarted;
    private boolean stepCached;
    private String runningContainer;
    private String error;
    private String imageId;
    private Throwable failure;

    ClassicBuild(DockerEngine engine, BuildRequest request, BuildListener listener, Cancellation cancellation) {
        this.engine = engine;
        this.request = request;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    BuildOutcome run(BuildImageCmd command) throws EngineException {
        long started = System.nanoTime();
        Callback callback = new Callback();
        try {
            engine.start(command, callback);
        } catch (RuntimeException e) {
            throw engine.unreachable("start the build of " + request.tag(), e);
        }
        cancellation.onCancel(() -> close(callback));
        while (!DockerEngine.await(callback, 1, TimeUnit.SECONDS)) {
            if (Thread.currentThread().isInterrupted()) {
                cancellation.cancel();
                break;
            }
        }
        long ended = System.nanoTime();
        synchronized (this) {
            if (partial.length() > 0) {
                line(partial.toString());
                partial.setLength(0);
            }
            endStep(ended);
        }
        double seconds = (ended - started) / 1e9;
        if (cancellation.isCancelled()) {
            removeLeftovers();
            return outcome(BuildOutcome.Status.CANCELLED, null, "cancelled", seconds);
        }
        if (error != null || failure != null) {
            return outcome(BuildOutcome.Status.FAILED, null,
                    error != null ? error : "the build stopped: " + DockerEngine.message(failure), seconds);
        }
        if (imageId == null) {
            return outcome(BuildOutcome.Status.FAILED, null, "the daemon reported no image id", seconds);
        }
        String fullId = imageId.startsWith("sha256:") ? imageId : engine.inspect(imageId).id();
        return outcome(BuildOutcome.Status.BUILT, fullId, null, seconds);
    }

    private BuildOutcome outcome(BuildOutcome.Status status, String id, String message, double seconds) {
        synchronized (this) {
            return new BuildOutcome(status, Optional.ofNullable(id), Optional.ofNullable(message), steps, seconds,
                    List.copyOf(tail));
        }
    }

    private static void close(Callback callback) {
        try {
            callback.close();
        } catch (IOException ignored) {
            // closing the stream is how a build is cancelled; nothing more to do
        }
    }

    /** After a cancel: the step's container and the layers this build made do not stay behind. */
    private void removeLeftovers() throws EngineException {
        if (runningContainer != null) {
            engine.removeContainer(runningContainer);
        }
        for (String id : engine.containersLabelled("dev.slimlab.build", buildLabel())) {
            engine.removeContainer(id);
        }
        if (imageId != null) {
            engine.removeImage(imageId);
        }
        for (int i = createdImages.size() - 1; i >= 0; i--) {
            engine.removeImage(createdImages.get(i));
        }
    }

    private String buildLabel() {
        return request.labels().getOrDefault("dev.slimlab.build", "");
    }

    private synchronized void feed(String text) {
        partial.append(text);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
    }

    private void line(String line) {
        tail.addLast(line);
        if (tail.size() > LOG_TAIL_LINES) {
            tail.removeFirst();
        }
        listener.onLine(line);
        Matcher m;
        if ((m = STEP.matcher(line)).matches()) {
            long now = System.nanoTime();
            endStep(now);
            stepNumber = Integer.parseInt(m.group(1));
            stepInstruction = m.group(3);
            stepStarted = now;
            stepCached = false;
            listener.onStep(stepNumber, Integer.parseInt(m.group(2)), stepInstruction);
        } else if (line.strip().equals("---> Using cache")) {
            stepCached = true;
        } else if ((m = RUNNING_IN.matcher(line)).matches()) {
            runningContainer = m.group(1);
        } else if ((m = LAYER.matcher(line)).matches()) {
            if (!stepCached && !isFrom(stepInstruction)) { // after FROM, the id is the base image's
                createdImages.add(m.group(1));
            }
            runningContainer = null;
        } else if ((m = BUILT.matcher(line)).matches() && imageId == null) {
            imageId = m.group(1);
        }
    }

    private static boolean isFrom(String instruction) {
        return instruction != null && instruction.regionMatches(true, 0, "FROM ", 0, 5);
    }

    private void endStep(long now) {
        if (stepInstruction != null) {
            steps.add(new BuildStep(stepNumber, stepInstruction, (now - stepStarted) / 1e9, stepCached));
            stepInstruction = null;
        }
    }

    private final class Callback extends ResultCallback.Adapter<BuildResponseItem> {
        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                feed(item.getStream());
            }
            if (item.isErrorIndicated()) {
                synchronized (ClassicBuild.this) {
                    error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError();
                }
            }
            if (item.isBuildSuccessIndicated() && item.getImageId() != null) {
                synchronized (ClassicBuild.this) {
                    imageId = item.getImageId();
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (!cancellation.isCancelled()) {
                synchronized (ClassicBuild.this) {
                    failure = throwable;
                }
            }
            super.onError(throwable);
        }
    }
}
