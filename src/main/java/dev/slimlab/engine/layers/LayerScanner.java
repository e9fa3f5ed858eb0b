package dev.slimlab.engine.layers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer tar from a stream, forward only, into a {@link LayerScan}. Contents are read only
 * for package-database files up to a size limit; everything else is skipped (and, for an
 * uncompressed layer, gzipped on the way to count its compressed size).
 */
final class LayerScanner {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final String AUFS_META_PREFIX = ".wh..wh.";

    private final int compressionLevel;
    private final long maxMetadataFileBytes;

    LayerScanner(int compressionLevel, long maxMetadataFileBytes) {
        this.compressionLevel = compressionLevel;
        this.maxMetadataFileBytes = maxMetadataFileBytes;
    }

    /** An uncompressed layer tar: every byte of it, to the end of {@code in}, is gzipped and counted. */
    LayerScan scanPlain(InputStream in) throws IOException {
        GzipSizeCounter counter = new GzipSizeCounter(compressionLevel);
        try {
            GzipCountingInputStream counting = new GzipCountingInputStream(in, counter);
            LayerScan scan = readTar(counting);
            counting.drain();
            scan.compressed(counter.finish(), false);
            return scan;
        } finally {
            counter.discard();
        }
    }

    /** A gzip-compressed layer tar whose stored (compressed) size is {@code storedBytes}. */
    LayerScan scanGzip(InputStream in, long storedBytes) throws IOException {
        GZIPInputStream gunzip = new GZIPInputStream(new UnclosableInputStream(in), 64 * 1024);
        LayerScan scan = readTar(gunzip);
        scan.compressed(storedBytes, true);
        return scan;
    }

    private LayerScan readTar(InputStream in) throws IOException {
        LayerScan scan = new LayerScan();
        Map<String, byte[]> metadata = new HashMap<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            String path = TarPaths.normalize(entry.getName());
            if (path.isEmpty() || entry.isDirectory()) {
                continue;
            }
            String name = TarPaths.name(path);
            if (name.startsWith(WHITEOUT_PREFIX)) {
                String folder = TarPaths.parent(path);
                if (name.equals(OPAQUE_MARKER)) {
                    scan.add(folder, LayerScan.OPAQUE, 0);
                } else if (!name.startsWith(AUFS_META_PREFIX)) {
                    scan.add(TarPaths.child(folder, name.substring(WHITEOUT_PREFIX.length())), LayerScan.WHITEOUT, 0);
                }
                continue;
            }
            boolean regular = !entry.isSymbolicLink() && !entry.isLink() && !entry.isCharacterDevice()
                    && !entry.isBlockDevice() && !entry.isFIFO();
            long size = regular ? entry.getSize() : 0;
            scan.add(path, LayerScan.FILE, size);
            if (regular && size <= maxMetadataFileBytes && PackageInventory.isMetadataPath(path)) {
                metadata.put(path, tar.readAllBytes());
            }
        }
        scan.metadata(metadata);
        scan.trim();
        return scan;
    }

    /** Shields an enclosing archive's entry stream from being closed by a wrapper. */
    static final class UnclosableInputStream extends java.io.FilterInputStream {
        UnclosableInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the enclosing archive owns the stream
        }
    }
}
