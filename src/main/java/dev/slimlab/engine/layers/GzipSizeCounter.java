package dev.slimlab.engine.layers;

import java.util.zip.Deflater;

/**
 * Counts how many bytes a gzip file of the data fed to it would take, without keeping them: the
 * data goes through a {@link Deflater} whose output is counted and dropped. The count equals the
 * length {@link java.util.zip.GZIPOutputStream} would write at the same level (its 10-byte header
 * and 8-byte trailer included). Not thread-safe; {@link #finish()} frees the native deflater.
 */
final class GzipSizeCounter {

    /** GZIPOutputStream's header (no file name, no extra field) and its CRC-32 + length trailer. */
    static final int GZIP_HEADER_AND_TRAILER_BYTES = 10 + 8;

    private final Deflater deflater;
    private final byte[] sink = new byte[64 * 1024];
    private long deflatedBytes;
    private long inputBytes;
    private boolean finished;

    GzipSizeCounter(int level) {
        this.deflater = new Deflater(level, true);
    }

    void update(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        inputBytes += length;
        deflater.setInput(bytes, offset, length);
        while (!deflater.needsInput()) {
            deflatedBytes += deflater.deflate(sink, 0, sink.length, Deflater.NO_FLUSH);
        }
    }

    /** The bytes fed so far. */
    long inputBytes() {
        return inputBytes;
    }

    /** Ends the stream and returns its gzip length; the counter can no longer be used. */
    long finish() {
        if (!finished) {
            finished = true;
            try {
                deflater.finish();
                while (!deflater.finished()) {
                    deflatedBytes += deflater.deflate(sink, 0, sink.length, Deflater.NO_FLUSH);
                }
            } finally {
                deflater.end();
            }
        }
        return deflatedBytes + GZIP_HEADER_AND_TRAILER_BYTES;
    }

    /** Frees the native deflater without a result (on failure). */
    void discard() {
        if (!finished) {
            finished = true;
            deflater.end();
        }
    }
}
