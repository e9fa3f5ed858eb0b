package dev.slimlab.engine.layers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through while feeding every byte that goes by, skipped bytes included, to a
 * {@link GzipSizeCounter}. {@link #close()} does not close the underlying stream (it is an entry
 * of an enclosing archive), and {@link #drain()} reads whatever the reader left behind.
 */
final class GzipCountingInputStream extends FilterInputStream {

    private final GzipSizeCounter counter;
    private final byte[] one = new byte[1];
    private byte[] scratch;

    GzipCountingInputStream(InputStream in, GzipSizeCounter counter) {
        super(in);
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            one[0] = (byte) b;
            counter.update(one, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            counter.update(b, off, n);
        }
        return n;
    }

    /** Skips by reading, so the skipped bytes are counted too. */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        byte[] buffer = scratch();
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Reads (and counts) everything up to the end of the stream. */
    void drain() throws IOException {
        byte[] buffer = scratch();
        while (read(buffer, 0, buffer.length) >= 0) {
            // counted by read
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    @Override
    public void close() {
        // the underlying stream belongs to the enclosing archive
    }

    private byte[] scratch() {
        if (scratch == null) {
            scratch = new byte[64 * 1024];
        }
        return scratch;
    }
}
