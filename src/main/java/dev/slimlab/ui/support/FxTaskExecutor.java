package dev.slimlab.ui.support;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/** Background work on a bounded pool of daemon threads; results and batches on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService pool;

    public FxTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "slimlab-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                onFx(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                onFx(() -> onFailure.accept(e));
            }
        });
    }

    /** The one place the app calls Platform.runLater. */
    @Override
    public void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public AutoCloseable every(long millis, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(Duration.millis(millis), event -> action.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        onFx(timeline::play);
        return () -> onFx(() -> {
            timeline.stop();
            action.run();
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
