package dev.slimlab.engine.api;



/**
 * Hears a build as it happens. Called on the engine's own thread: implementations hand work to
 * their own thread (the GUI batches lines onto the FX thread).
 */
public interface BuildListener {

    /** One line of the build log, without its line ending. */
    default void onLine(String line) {
    }

    /** The build reached step {@code step} of {@code steps} ({@code Step 3/9 : RUN ...}). */
    default void onStep(int step, int steps, String instruction) {
    }

    BuildListener NONE = new BuildListener() {
    };
}
