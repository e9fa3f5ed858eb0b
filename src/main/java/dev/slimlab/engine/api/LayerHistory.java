package dev.slimlab.engine.api;



/**
 * One entry of {@code docker history}: the instruction that made a layer and its size.
 *
 * @param id        the layer's image id, or {@code <missing>} for layers of pulled/imported images
 * @param createdBy the instruction, e.g. {@code /bin/sh -c apt-get update}
 * @param sizeBytes the size the layer adds
 * @param emptyLayer true for metadata-only steps (ENV, CMD...) that add no files
 */
public record LayerHistory(String id, String createdBy, long sizeBytes, boolean emptyLayer) {
}
