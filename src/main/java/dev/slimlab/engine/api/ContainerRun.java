package dev.slimlab.engine.api;

import java.time.Duration;
import java.util.Optional;

/**
 * How a container run by {@link ImageEngine#run} ended.
 *
 * @param ending          exited, killed at its time-out, or cancelled
 * @param exitCode        its exit code (-1 unless it exited)
 * @param stdout          standard output, at most {@link #MAX_OUTPUT_CHARS} of it
 * @param stderr          standard error, likewise
 * @param truncated       true if either stream was longer than what is kept
 * @param duration        wall time from start to end
 * @param committedImage  the image its filesystem was committed to, when asked for
 */
public record ContainerRun(Ending ending, int exitCode, String stdout, String stderr, boolean truncated,
                           Duration duration, Optional<String> committedImage) {

    /** Output kept per stream: enough for any assertion, bounded for a runaway program. */
    public static final int MAX_OUTPUT_CHARS = 1 << 20;

    public enum Ending { EXITED, TIMED_OUT, CANCELLED }

    public boolean exited() {
        return ending == Ending.EXITED;
    }
}
