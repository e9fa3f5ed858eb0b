package dev.slimlab.ui.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Collects lines from any thread and hands them over in batches on the FX thread (every 50 ms
 * in the app): never one FX update per line.
 */
public final class LineBatcher<T> {

    public static final long PERIOD_MILLIS = 50;

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> sink;

    public LineBatcher(Consumer<List<T>> sink) {
        this.sink = sink;
    }

    /** Any thread. */
    public void add(T item) {
        queue.add(item);
    }

    /** FX thread: hands over what has arrived. */
    public void flush() {
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
