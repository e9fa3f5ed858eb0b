package dev.slimlab.engine.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A way to cancel work in progress: whoever runs the work registers what stops it; whoever
 * wants it stopped calls {@link #cancel()}. Thread-safe.
 */
public final class Cancellation {

    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean cancelled;

    /** A cancellation that nobody will trigger. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        List<Runnable> actions;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = new ArrayList<>(onCancel);
            onCancel.clear();
        }
        actions.forEach(Runnable::run);
    }

    /** Runs {@code action} on cancel (at once if already cancelled). */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }
}
