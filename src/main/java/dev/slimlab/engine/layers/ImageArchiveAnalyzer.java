package dev.slimlab.engine.layers;

import dev.slimlab.engine.api.ImageArchiveAnalysis;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.WasteReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Measures an image from the stream of its {@code docker save} archive, in one forward pass, in
 * memory that grows with the number of files in the image and never with their bytes, without
 * writing anything to disk.
 *
 * <p>Both archive formats are read: Docker's ({@code manifest.json} listing {@code <id>/layer.tar})
 * and the OCI image layout ({@code index.json} → manifest blob → {@code blobs/sha256/...} layers,
 * possibly gzip-compressed; Docker 25+ writes both). The layers may come before the manifest, so
 * every entry that is a tar (or a gzip of one) is analysed as it passes — its file table, the
 * contents of its small package-database files, its gzip size — and kept by entry path; at the end
 * the manifest gives their order and the results are computed:
 * <ul>
 *   <li>dive's efficiency, wasted bytes, user-wasted percent and top wasted files ({@link WasteReport});</li>
 *   <li>the compressed size: each uncompressed layer tar is gzipped (level 6 unless configured)
 *       into a counting sink as it streams by; a layer stored gzip-compressed counts as stored;</li>
 *   <li>the packages of the final filesystem (dpkg, apk, pip, npm).</li>
 * </ul>
 * Instances are immutable and may analyse several archives at once.
 */
public final class ImageArchiveAnalyzer {

    public static final int DEFAULT_COMPRESSION_LEVEL = 6;
    public static final int DEFAULT_TOP_WASTED_FILES = 20;
    /** Package-database files larger than this are skipped (their packages are not listed). */
    public static final long DEFAULT_MAX_METADATA_FILE_BYTES = 8L * 1024 * 1024;

    /** JSON entries (manifests, index, configs) up to this size are kept until the end. */
    private static final long MAX_DOCUMENT_BYTES = 8L * 1024 * 1024;
    private static final int TAR_BLOCK = 512;

    private final int compressionLevel;
    private final int topWastedFiles;
    private final long maxMetadataFileBytes;

    public ImageArchiveAnalyzer() {
        this(DEFAULT_COMPRESSION_LEVEL, DEFAULT_TOP_WASTED_FILES, DEFAULT_MAX_METADATA_FILE_BYTES);
    }

    private ImageArchiveAnalyzer(int compressionLevel, int topWastedFiles, long maxMetadataFileBytes) {
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("gzip level must be 0..9, not " + compressionLevel);
        }
        if (topWastedFiles < 0) {
            throw new IllegalArgumentException("topWastedFiles must be >= 0");
        }
        if (maxMetadataFileBytes < 0) {
            throw new IllegalArgumentException("maxMetadataFileBytes must be >= 0");
        }
        this.compressionLevel = compressionLevel;
        this.topWastedFiles = topWastedFiles;
        this.maxMetadataFileBytes = maxMetadataFileBytes;
    }

    /** The gzip level (0..9) used to estimate the compressed size of uncompressed layers. */
    public ImageArchiveAnalyzer withCompressionLevel(int level) {
        return new ImageArchiveAnalyzer(level, topWastedFiles, maxMetadataFileBytes);
    }

    /** How many of the most wasteful paths the report lists. */
    public ImageArchiveAnalyzer withTopWastedFiles(int count) {
        return new ImageArchiveAnalyzer(compressionLevel, count, maxMetadataFileBytes);
    }

    /** The largest package-database file whose contents are kept and read. */
    public ImageArchiveAnalyzer withMaxMetadataFileBytes(long bytes) {
        return new ImageArchiveAnalyzer(compressionLevel, topWastedFiles, bytes);
    }

    public int compressionLevel() {
        return compressionLevel;
    }

    /**
     * Reads the archive to its end and measures the image. The stream is not closed.
     *
     * @throws IOException when the stream fails, is not a {@code docker save} archive of one image,
     *                     or lacks a layer its manifest lists
     */
    public ImageArchiveAnalysis analyze(InputStream dockerSave) throws IOException {
        LayerScanner scanner = new LayerScanner(compressionLevel, maxMetadataFileBytes);
        Map<String, LayerScan> layers = new HashMap<>();
        Map<String, String> unsupportedLayers = new HashMap<>();
        Map<String, byte[]> documents = new HashMap<>();
        Map<String, String> links = new HashMap<>();

        TarArchiveInputStream archive = new TarArchiveInputStream(
                new LayerScanner.UnclosableInputStream(dockerSave), StandardCharsets.UTF_8.name());
        TarArchiveEntry entry;
        boolean any = false;
        while ((entry = nextEntry(archive)) != null) {
            any = true;
            String path = TarPaths.normalize(entry.getName());
            if (path.isEmpty() || entry.isDirectory()) {
                continue;
            }
            if (entry.isSymbolicLink()) {
                links.put(path, TarPaths.resolveSymlink(path, entry.getLinkName()));
                continue;
            }
            if (entry.isLink()) {
                links.put(path, TarPaths.normalize(entry.getLinkName()));
                continue;
            }
            if (!entry.isFile()) {
                continue;
            }
            BufferedInputStream content = new BufferedInputStream(new LayerScanner.UnclosableInputStream(archive),
                    64 * 1024);
            content.mark(TAR_BLOCK);
            byte[] head = content.readNBytes(TAR_BLOCK);
            content.reset();
            try {
                if (isGzip(head)) {
                    layers.put(path, scanner.scanGzip(content, entry.getSize()));
                } else if (isTar(head)) {
                    layers.put(path, scanner.scanPlain(content));
                } else if (isZstd(head)) {
                    unsupportedLayers.put(path, "zstd-compressed");
                } else if (entry.getSize() <= MAX_DOCUMENT_BYTES && looksLikeJson(head)) {
                    documents.put(path, content.readAllBytes());
                }
            } catch (IOException e) {
                throw new IOException("cannot read " + path + " of the image archive: " + e.getMessage(), e);
            }
        }
        if (!any) {
            throw new IOException("the image archive is empty");
        }

        List<String> order = ArchiveLayout.layerPaths(documents);
        List<LayerScan> stackOrder = new ArrayList<>();
        for (String listed : order) {
            String path = resolve(listed, links);
            LayerScan scan = layers.get(path);
            if (scan == null) {
                String why = unsupportedLayers.get(path);
                throw new IOException(why != null
                        ? "layer " + listed + " is " + why + ", which SlimLab cannot read"
                        : "layer " + listed + " listed in the manifest is not in the archive (or is not a tar)");
            }
            stackOrder.add(scan);
        }
        return measure(stackOrder);
    }

    private ImageArchiveAnalysis measure(List<LayerScan> stackOrder) {
        LayerStack stack = new LayerStack();
        List<Long> compressedLayerBytes = new ArrayList<>();
        Map<LayerScan, Boolean> distinct = new IdentityHashMap<>();
        long compressedBytes = 0;
        for (LayerScan scan : stackOrder) {
            stack.apply(scan);
            compressedLayerBytes.add(scan.compressedBytes());
            if (distinct.put(scan, Boolean.TRUE) == null) {
                compressedBytes += scan.compressedBytes();
            }
        }
        WasteReport waste = stack.waste(topWastedFiles);
        List<InstalledPackage> packages = PackageInventory.inventory(stack.finalFiles(),
                file -> stackOrder.get(file.getValue().layer()).metadata().get(file.getKey()));
        return new ImageArchiveAnalysis(waste, compressedBytes, compressedLayerBytes, packages);
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream archive) throws IOException {
        try {
            return archive.getNextEntry();
        } catch (IOException e) {
            throw new IOException("not a readable image archive (docker save): " + e.getMessage(), e);
        }
    }

    /** Follows symlinks and hard links between archive entries (Docker links repeated layer.tar files). */
    private static String resolve(String path, Map<String, String> links) {
        String current = path;
        for (int hops = 0; hops < 16; hops++) {
            String next = links.get(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    private static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    private static boolean isZstd(byte[] head) {
        return head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
                && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd;
    }

    /** A tar header block with a valid checksum, or the all-zero block of an empty tar. */
    private static boolean isTar(byte[] head) {
        if (head.length < TAR_BLOCK) {
            return false;
        }
        boolean zero = true;
        for (byte b : head) {
            if (b != 0) {
                zero = false;
                break;
            }
        }
        return zero || checksumMatches(head);
    }

    /** The header checksum (octal at 148..155) equals the byte sum with that field read as spaces. */
    private static boolean checksumMatches(byte[] header) {
        long stored = 0;
        int i = 148;
        while (i < 156 && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        int digits = 0;
        for (; i < 156 && header[i] >= '0' && header[i] <= '7'; i++, digits++) {
            stored = stored * 8 + (header[i] - '0');
        }
        for (; i < 156; i++) {
            if (header[i] != ' ' && header[i] != 0) {
                return false;
            }
        }
        if (digits == 0) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int j = 0; j < TAR_BLOCK; j++) {
            byte b = j >= 148 && j < 156 ? (byte) ' ' : header[j];
            unsigned += b & 0xff;
            signed += b;
        }
        return stored == unsigned || stored == signed;
    }

    private static boolean looksLikeJson(byte[] head) {
        for (byte b : head) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && !(b == (byte) 0xef || b == (byte) 0xbb || b == (byte) 0xbf)) {
                return false;
            }
        }
        return false;
    }
}
