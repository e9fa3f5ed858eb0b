package dev.slimlab.engine.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the layers of the one image in a saved archive, bottom first, as entry paths: from
 * {@code manifest.json} (Docker's format: {@code Layers} lists {@code <id>/layer.tar}, or
 * {@code blobs/sha256/<hex>} since Docker 25) or else from {@code index.json} (the OCI image
 * layout: index → manifest blob → {@code layers[].digest}).
 */
final class ArchiveLayout {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveLayout() {
    }

    /**
     * @param documents the small JSON entries of the archive by normalized path
     */
    static List<String> layerPaths(Map<String, byte[]> documents) throws IOException {
        byte[] manifest = documents.get("manifest.json");
        if (manifest != null) {
            return dockerLayers(read(manifest, "manifest.json"));
        }
        byte[] index = documents.get("index.json");
        if (index != null) {
            return ociLayers(read(index, "index.json"), documents, 0);
        }
        throw new IOException("not an image archive of docker save: it has neither manifest.json nor index.json");
    }

    private static List<String> dockerLayers(JsonNode manifest) throws IOException {
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new IOException("manifest.json lists no image");
        }
        if (manifest.size() > 1) {
            throw new IOException("the archive holds " + manifest.size() + " images; save and analyse one at a time");
        }
        JsonNode layers = manifest.get(0).path("Layers");
        if (!layers.isArray()) {
            throw new IOException("manifest.json has no Layers list");
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode layer : layers) {
            paths.add(TarPaths.normalize(layer.asText()));
        }
        return paths;
    }

    private static List<String> ociLayers(JsonNode node, Map<String, byte[]> documents, int depth) throws IOException {
        if (depth > 8) {
            throw new IOException("index.json: image indexes nest too deep");
        }
        JsonNode layers = node.get("layers");
        if (layers != null && layers.isArray()) { // an image manifest
            List<String> paths = new ArrayList<>();
            for (JsonNode layer : layers) {
                paths.add(blobPath(layer.path("digest").asText()));
            }
            return paths;
        }
        JsonNode manifests = node.path("manifests");
        if (!manifests.isArray() || manifests.isEmpty()) {
            throw new IOException("index.json lists no manifest");
        }
        // an index: the first manifest whose blob is in the archive (others are platforms not saved)
        List<String> tried = new ArrayList<>();
        for (JsonNode descriptor : manifests) {
            String path = blobPath(descriptor.path("digest").asText());
            byte[] blob = documents.get(path);
            if (blob != null) {
                return ociLayers(read(blob, path), documents, depth + 1);
            }
            tried.add(path);
        }
        throw new IOException("index.json: no manifest blob in the archive (looked for " + tried + ")");
    }

    static String blobPath(String digest) throws IOException {
        int colon = digest.indexOf(':');
        if (colon <= 0 || colon == digest.length() - 1) {
            throw new IOException("not a digest: '" + digest + "'");
        }
        return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    private static JsonNode read(byte[] json, String path) throws IOException {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IOException(path + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
