package dev.slimlab.cli;

import dev.slimlab.engine.api.Cancellation;

/**
 * Cancels the work (so that it removes its containers and images) when the JVM is asked to stop,
 * e.g. by Ctrl+C, for as long as it is open.
 */
final class CancelOnInterrupt implements AutoCloseable {

    private final Thread hook;

    CancelOnInterrupt(Cancellation cancellation) {
        hook = new Thread(cancellation::cancel, "slimlab-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it cancels the work
        }
    }
}
