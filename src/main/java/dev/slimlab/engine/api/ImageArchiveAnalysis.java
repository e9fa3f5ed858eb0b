package dev.slimlab.engine.api;

import java.util.List;

/**
 * What one pass over an image's saved archive ({@code docker save}) tells about it.
 *
 * @param waste                dive's efficiency and wasted bytes
 * @param compressedBytes      what a push or pull transfers: the gzip size of every distinct layer
 *                             (layers stored gzip-compressed count as stored; others are gzipped
 *                             as they stream by, level 6 unless configured)
 * @param compressedLayerBytes the gzip size of each layer, bottom layer first (a layer listed twice
 *                             appears twice here but counts once in {@code compressedBytes})
 * @param packages             the packages installed in the final filesystem, sorted by manager,
 *                             name and version
 */
public record ImageArchiveAnalysis(WasteReport waste, long compressedBytes, List<Long> compressedLayerBytes,
                                   List<InstalledPackage> packages) {

    public ImageArchiveAnalysis {
        compressedLayerBytes = List.copyOf(compressedLayerBytes);
        packages = List.copyOf(packages);
    }
}
