package dev.slimlab.engine.api;

import java.util.List;
import java.util.Optional;

/**
 * How a build ended: built (with the image id), failed (with the daemon's error), or cancelled.
 * A failed build is a result, not an exception.
 *
 * @param status   BUILT, FAILED or CANCELLED
 * @param imageId  the built image's id ({@code sha256:...}) when built
 * @param error    the error message when failed
 * @param steps    the steps that ran, timed
 * @param seconds  wall time of the whole build
 * @param logTail  the last lines of the log (bounded), for showing why a build failed
 */
public record BuildOutcome(Status status, Optional<String> imageId, Optional<String> error, List<BuildStep> steps,
                           double seconds, List<String> logTail) {

    public enum Status { BUILT, FAILED, CANCELLED }

    public BuildOutcome {
        steps = List.copyOf(steps);
        logTail = List.copyOf(logTail);
    }

    public boolean built() {
        return status == Status.BUILT;
    }
}
