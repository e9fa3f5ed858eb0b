package dev.slimlab.engine.layers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds synthetic {@code docker save} archives for the tests: layer tars with files, symlinks,
 * whiteouts and opaque folders, packed in Docker's format or the OCI image layout, in several
 * entry orders. Also computes expected gzip sizes independently of the analyzer.
 */
final class SavedImages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedImages() {
    }

    /** How the layers are packed and in which order the entries stream by. */
    enum Layout {
        /** Docker 20.10: {@code <id>/layer.tar}..., config, then manifest.json and repositories. */
        DOCKER_LAYERS_FIRST(false),
        /** Docker's format with manifest.json first and the layers after it, top layer first. */
        DOCKER_MANIFEST_FIRST(false),
        /** Docker's format, layers streamed in a scrambled order before the manifest. */
        DOCKER_LAYERS_SHUFFLED(false),
        /** Docker 25+: OCI blobs (uncompressed) plus index.json and manifest.json naming blobs. */
        DOCKER_25(false),
        /** OCI layout, uncompressed layers, index.json last. */
        OCI_INDEX_LAST(false),
        /** OCI layout, gzip layers, index.json and the manifest blob before the layers. */
        OCI_INDEX_FIRST_GZIP(true),
        /** OCI layout, gzip layers, index.json → image index → (missing platform, real manifest). */
        OCI_NESTED_INDEX_GZIP(true);

        final boolean gzipLayers;

        Layout(boolean gzipLayers) {
            this.gzipLayers = gzipLayers;
        }
    }

    /** An archive and the gzip size the analyzer must report for each of its layers. */
    record SavedImage(byte[] archive, List<Long> expectedCompressedLayerBytes) {
    }

    // ---- layer tars ------------------------------------------------------------------------

    static LayerTar layer() {
        return new LayerTar();
    }

    /** A layer tar written as Go's archive/tar does: 512-byte blocks, two zero blocks at the end. */
    static final class LayerTar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 512);

        LayerTar() {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        LayerTar dir(String path) {
            TarArchiveEntry e = new TarArchiveEntry(path + "/");
            return put(e, new byte[0]);
        }

        /** A file of {@code size} pseudo-random bytes (seeded by its path: barely compressible). */
        LayerTar file(String path, int size) {
            byte[] content = new byte[size];
            new Random(path.hashCode() * 31L + size).nextBytes(content);
            return file(path, content);
        }

        LayerTar file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8));
        }

        LayerTar file(String path, byte[] content) {
            TarArchiveEntry e = new TarArchiveEntry(path);
            e.setSize(content.length);
            return put(e, content);
        }

        LayerTar symlink(String path, String target) {
            TarArchiveEntry e = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(target);
            return put(e, new byte[0]);
        }

        /** Deletes {@code path} of lower layers: {@code <parent>/.wh.<name>}. */
        LayerTar whiteout(String path) {
            int slash = path.lastIndexOf('/');
            String name = slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
            return file(name, new byte[0]);
        }

        /** Hides what lower layers put in {@code folder}: {@code <folder>/.wh..wh..opq}. */
        LayerTar opaque(String folder) {
            return file(folder + "/.wh..wh..opq", new byte[0]);
        }

        private LayerTar put(TarArchiveEntry e, byte[] content) {
            try {
                e.setModTime(1_700_000_000_000L);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
                return this;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        byte[] build() {
            try {
                tar.finish();
                tar.close();
                return bytes.toByteArray();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    // ---- gzip sizes, computed independently with GZIPOutputStream ---------------------------

    /** The length of {@code data} gzipped by java.util.zip at {@code level}. */
    static long gzipLength(byte[] data, int level) {
        try {
            CountingOutputStream count = new CountingOutputStream();
            try (GZIPOutputStream gzip = gzipAtLevel(count, level)) {
                gzip.write(data);
            }
            return count.count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length of a stream gzipped by java.util.zip at {@code level}. */
    static long gzipLength(InputStream data, int level) throws IOException {
        CountingOutputStream count = new CountingOutputStream();
        try (GZIPOutputStream gzip = gzipAtLevel(count, level)) {
            data.transferTo(gzip);
        }
        return count.count;
    }

    static byte[] gzip(byte[] data, int level) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = gzipAtLevel(out, level)) {
                gzip.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GZIPOutputStream gzipAtLevel(OutputStream out, int level) throws IOException {
        return new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(level);
            }
        };
    }

    static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    // ---- archives --------------------------------------------------------------------------

    static SavedImage save(Layout layout, List<byte[]> layers) {
        try {
            return switch (layout) {
                case DOCKER_LAYERS_FIRST, DOCKER_MANIFEST_FIRST, DOCKER_LAYERS_SHUFFLED -> docker(layout, layers);
                default -> oci(layout, layers);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SavedImage docker(Layout layout, List<byte[]> layers) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> layerPaths = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        Map<String, String> firstIdOfContent = new LinkedHashMap<>();
        // entries per layer, to be written in the layout's order
        List<List<Object[]>> layerEntries = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            byte[] layer = layers.get(i);
            String diffId = sha256(layer);
            String id = sha256((i + ":" + diffId).getBytes(StandardCharsets.UTF_8));
            ids.add(id);
            layerPaths.add(id + "/layer.tar");
            diffIds.add("sha256:" + diffId);
            expected.add(gzipLength(layer, 6));
            List<Object[]> entries = new ArrayList<>();
            entries.add(new Object[] {id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8)});
            entries.add(new Object[] {id + "/json", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)});
            String first = firstIdOfContent.putIfAbsent(diffId, id);
            if (first == null) {
                entries.add(new Object[] {id + "/layer.tar", layer});
            } else { // docker save links a repeated layer to the first copy
                entries.add(new Object[] {id + "/layer.tar", "../" + first + "/layer.tar", "symlink"});
            }
            layerEntries.add(entries);
        }
        byte[] config = config(diffIds);
        String configName = sha256(config) + ".json";
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode image = manifest.addObject();
        image.put("Config", configName);
        image.putArray("RepoTags").add("slimlab/test:latest");
        ArrayNode layerList = image.putArray("Layers");
        layerPaths.forEach(layerList::add);
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        byte[] repositories = ("{\"slimlab/test\":{\"latest\":\"" + ids.get(ids.size() - 1) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);

        Outer out = new Outer();
        if (layout == Layout.DOCKER_MANIFEST_FIRST) {
            out.file("manifest.json", manifestBytes);
            out.file(configName, config);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            order.add(i);
        }
        if (layout == Layout.DOCKER_MANIFEST_FIRST) {
            Collections.reverse(order);
        } else if (layout == Layout.DOCKER_LAYERS_SHUFFLED) {
            Collections.shuffle(order, new Random(42));
            if (order.size() > 1 && order.equals(sorted(order))) {
                Collections.reverse(order);
            }
        }
        // a linked layer may stream before its target: the analyzer resolves links at the end
        for (int i : order) {
            out.dir(ids.get(i));
            for (Object[] e : layerEntries.get(i)) {
                if (e.length == 3) {
                    out.symlink((String) e[0], (String) e[1]);
                } else {
                    out.file((String) e[0], (byte[]) e[1]);
                }
            }
        }
        if (layout != Layout.DOCKER_MANIFEST_FIRST) {
            out.file(configName, config);
            out.file("manifest.json", manifestBytes);
        }
        out.file("repositories", repositories);
        return new SavedImage(out.build(), expected);
    }

    private static List<Integer> sorted(List<Integer> list) {
        List<Integer> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }

    private static SavedImage oci(Layout layout, List<byte[]> layers) throws IOException {
        List<String> diffIds = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (byte[] layer : layers) {
            diffIds.add("sha256:" + sha256(layer));
            if (layout.gzipLayers) {
                byte[] gz = gzip(layer, 1); // stored at level 1: the analyzer must count it as stored
                blobs.add(gz);
                expected.add((long) gz.length);
            } else {
                blobs.add(layer);
                expected.add(gzipLength(layer, 6));
            }
        }
        byte[] config = config(diffIds);
        String configDigest = sha256(config);

        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        ObjectNode configDescriptor = manifest.putObject("config");
        configDescriptor.put("mediaType", "application/vnd.oci.image.config.v1+json");
        configDescriptor.put("digest", "sha256:" + configDigest);
        configDescriptor.put("size", config.length);
        ArrayNode layerList = manifest.putArray("layers");
        for (byte[] blob : blobs) {
            ObjectNode d = layerList.addObject();
            d.put("mediaType", layout.gzipLayers
                    ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.oci.image.layer.v1.tar");
            d.put("digest", "sha256:" + sha256(blob));
            d.put("size", blob.length);
        }
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        String manifestDigest = sha256(manifestBytes);

        byte[] nestedIndex = null;
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode manifests = index.putArray("manifests");
        if (layout == Layout.OCI_NESTED_INDEX_GZIP) {
            ObjectNode inner = JSON.createObjectNode();
            inner.put("schemaVersion", 2);
            inner.put("mediaType", "application/vnd.oci.image.index.v1+json");
            ArrayNode platforms = inner.putArray("manifests");
            ObjectNode arm = platforms.addObject(); // a platform docker did not save
            arm.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            arm.put("digest", "sha256:" + "ab".repeat(32));
            arm.put("size", 1234);
            ObjectNode amd = platforms.addObject();
            amd.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            amd.put("digest", "sha256:" + manifestDigest);
            amd.put("size", manifestBytes.length);
            nestedIndex = JSON.writeValueAsBytes(inner);
            ObjectNode d = manifests.addObject();
            d.put("mediaType", "application/vnd.oci.image.index.v1+json");
            d.put("digest", "sha256:" + sha256(nestedIndex));
            d.put("size", nestedIndex.length);
        } else {
            ObjectNode d = manifests.addObject();
            d.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            d.put("digest", "sha256:" + manifestDigest);
            d.put("size", manifestBytes.length);
        }
        byte[] indexBytes = JSON.writeValueAsBytes(index);

        Outer out = new Outer();
        byte[] ociLayout = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
        boolean headerFirst = layout == Layout.OCI_INDEX_FIRST_GZIP || layout == Layout.OCI_NESTED_INDEX_GZIP;
        if (headerFirst) {
            out.file("oci-layout", ociLayout);
            out.file("index.json", indexBytes);
            if (nestedIndex != null) {
                out.file("blobs/sha256/" + sha256(nestedIndex), nestedIndex);
            }
            out.file("blobs/sha256/" + manifestDigest, manifestBytes);
        }
        out.dir("blobs");
        out.dir("blobs/sha256");
        Set<String> written = new HashSet<>();
        for (byte[] blob : blobs) {
            String digest = sha256(blob);
            if (written.add(digest)) { // a layer listed twice is stored once
                out.file("blobs/sha256/" + digest, blob);
            }
        }
        out.file("blobs/sha256/" + configDigest, config);
        if (!headerFirst) {
            out.file("blobs/sha256/" + manifestDigest, manifestBytes);
            out.file("index.json", indexBytes);
            if (layout == Layout.DOCKER_25) {
                ArrayNode dockerManifest = JSON.createArrayNode();
                ObjectNode image = dockerManifest.addObject();
                image.put("Config", "blobs/sha256/" + configDigest);
                image.putArray("RepoTags").add("slimlab/test:latest");
                ArrayNode paths = image.putArray("Layers");
                for (byte[] blob : blobs) {
                    paths.add("blobs/sha256/" + sha256(blob));
                }
                out.file("manifest.json", JSON.writeValueAsBytes(dockerManifest));
            }
            out.file("oci-layout", ociLayout);
        }
        return new SavedImage(out.build(), expected);
    }

    private static byte[] config(List<String> diffIds) throws IOException {
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(ids::add);
        return JSON.writeValueAsBytes(config);
    }

    /** The outer archive, written as docker save does (tar, 512-byte records). */
    static final class Outer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 512);

        Outer() {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        }

        Outer dir(String path) throws IOException {
            tar.putArchiveEntry(new TarArchiveEntry(path + "/"));
            tar.closeArchiveEntry();
            return this;
        }

        Outer file(String path, byte[] content) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(path);
            e.setSize(content.length);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
            return this;
        }

        Outer symlink(String path, String target) throws IOException {
            TarArchiveEntry e = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(target);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
            return this;
        }

        byte[] build() throws IOException {
            tar.finish();
            tar.close();
            return bytes.toByteArray();
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<byte[]> layers(LayerTar... layers) {
        return Arrays.stream(layers).map(LayerTar::build).toList();
    }
}
