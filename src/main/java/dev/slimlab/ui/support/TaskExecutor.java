package dev.slimlab.ui.support;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the app runs work off the FX thread and comes back to it. Production runs work on
 * a small pool and hands results to the FX thread; tests run everything on the calling thread.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the FX thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the FX thread (later, when called from another thread). */
    void onFx(Runnable action);

    /** Runs {@code action} on the FX thread every {@code millis} until the returned handle is closed. */
    AutoCloseable every(long millis, Runnable action);

    /** Runs everything at once on the calling thread: for view-model tests. */
    static TaskExecutor immediate() {
        return new TaskExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public void onFx(Runnable action) {
                action.run();
            }

            @Override
            public AutoCloseable every(long millis, Runnable action) {
                return action::run; // flushed once more on close, which is all a test needs
            }
        };
    }
}
