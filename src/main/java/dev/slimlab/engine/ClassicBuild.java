package dev.slimlab.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.BuildStep;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
    private long firstStepStarted = -1;
    private boolean stepCached;
    private String runningContainer;
    private String lastFrom;
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
        // not ResultCallback.awaitCompletion(timeout): docker-java closes the stream when that times out
        try {
            callback.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
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
            return outcome(BuildOutcome.Status.CANCELLED, null, removeLeftovers(), seconds);
        }
        if (error != null || failure != null) {
            return outcome(BuildOutcome.Status.FAILED, null,
                    error != null ? explained(error) : "the build stopped: " + DockerEngine.message(failure), seconds);
        }
        if (imageId == null) {
            return outcome(BuildOutcome.Status.FAILED, null, "the daemon reported no image id", seconds);
        }
        String fullId = imageId.startsWith("sha256:") ? imageId : engine.inspect(imageId).id();
        return outcome(BuildOutcome.Status.BUILT, fullId, null, seconds);
    }

    /** A pull inside the build that cannot reach a registry, said plainly; other errors as the daemon gave them. */
    private String explained(String daemonError) {
        return lastFrom != null && DockerEngine.registryUnreachable(daemonError)
                ? DockerEngine.pullFailure(lastFrom, daemonError) : daemonError;
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

    /**
     * After a cancel: the step's container and the layers this build made do not stay behind.
     * The daemon may still be tearing the step down, so each removal gets a second try; what
     * still cannot be removed is named in the outcome rather than thrown.
     */
    private String removeLeftovers() {
        List<String> problems = new ArrayList<>();
        List<Runnable> removals = new ArrayList<>();
        if (runningContainer != null) {
            String container = runningContainer;
            removals.add(() -> retry(problems, "container " + container, () -> engine.removeContainer(container)));
        }
        if (imageId != null) {
            String image = imageId;
            removals.add(() -> retry(problems, "image " + image, () -> engine.removeImage(image)));
        }
        for (int i = createdImages.size() - 1; i >= 0; i--) {
            String image = createdImages.get(i);
            removals.add(() -> retry(problems, "layer " + image, () -> engine.removeImage(image)));
        }
        removals.forEach(Runnable::run);
        return problems.isEmpty() ? "cancelled" : "cancelled; could not remove " + String.join(", ", problems);
    }

    private interface Removal {
        void run() throws EngineException;
    }

    private static void retry(List<String> problems, String what, Removal removal) {
        for (int attempt = 1; ; attempt++) {
            try {
                removal.run();
                return;
            } catch (EngineException e) {
                if (attempt == 3) {
                    problems.add(what + " (" + e.getMessage() + ")");
                    return;
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    problems.add(what + " (interrupted)");
                    return;
                }
            }
        }
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
            if (isFrom(stepInstruction)) {
                lastFrom = stepInstruction.substring(5).strip().split("\\s+")[0];
            }
            stepStarted = now;
            if (firstStepStarted < 0) {
                firstStepStarted = now;
            }
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
            steps.add(new BuildStep(stepNumber, stepInstruction, (stepStarted - firstStepStarted) / 1e9,
                    (now - stepStarted) / 1e9, stepCached));
            stepInstruction = null;
        }
    }

    private final class Callback extends ResultCallback.Adapter<BuildResponseItem> {
        private final CountDownLatch done = new CountDownLatch(1);

        @Override
        public void onComplete() {
            super.onComplete();
            done.countDown();
        }

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
            done.countDown();
        }
    }
}
