package dev.slimlab.engine.layers;

import java.util.Arrays;
import java.util.Map;

/**
 * What one pass over a layer tar keeps of it: its file table (paths and sizes, no contents), the
 * contents of the few small package-database files it holds, and its gzip size. Memory grows with
 * the number of entries, never with their bytes.
 */
final class LayerScan {

    /** A regular file, symlink, hard link or device: an appearance with a size (0 but for files). */
    static final byte FILE = 0;
    /** {@code .wh.<name>}: deletes {@code <name>} (a file, or a folder and all it holds) of lower layers. */
    static final byte WHITEOUT = 1;
    /** {@code .wh..wh..opq}: the folder hides everything lower layers put in it. */
    static final byte OPAQUE = 2;

    private String[] paths = new String[64];
    private long[] sizes = new long[64];
    private byte[] kinds = new byte[64];
    private int count;
    private long fileBytes;

    private Map<String, byte[]> metadata = Map.of();
    private long compressedBytes = -1;
    private boolean storedCompressed;

    void add(String path, byte kind, long size) {
        if (count == paths.length) {
            int grown = count * 2;
            paths = Arrays.copyOf(paths, grown);
            sizes = Arrays.copyOf(sizes, grown);
            kinds = Arrays.copyOf(kinds, grown);
        }
        paths[count] = path;
        sizes[count] = size;
        kinds[count] = kind;
        count++;
        if (kind == FILE) {
            fileBytes += size;
        }
    }

    int entryCount() {
        return count;
    }

    String path(int i) {
        return paths[i];
    }

    long size(int i) {
        return sizes[i];
    }

    byte kind(int i) {
        return kinds[i];
    }

    /** The bytes of the files of this layer (as the tar headers give them). */
    long fileBytes() {
        return fileBytes;
    }

    /** Package-database files of this layer by normalized path: their whole contents. */
    Map<String, byte[]> metadata() {
        return metadata;
    }

    void metadata(Map<String, byte[]> metadata) {
        this.metadata = Map.copyOf(metadata);
    }

    /** The gzip size of the layer: as stored when {@link #storedCompressed()}, else as gzipped here. */
    long compressedBytes() {
        return compressedBytes;
    }

    boolean storedCompressed() {
        return storedCompressed;
    }

    void compressed(long bytes, boolean stored) {
        this.compressedBytes = bytes;
        this.storedCompressed = stored;
    }

    /** Drops the slack of the growable arrays once the layer is read. */
    void trim() {
        if (count < paths.length) {
            paths = Arrays.copyOf(paths, count);
            sizes = Arrays.copyOf(sizes, count);
            kinds = Arrays.copyOf(kinds, count);
        }
    }
}
