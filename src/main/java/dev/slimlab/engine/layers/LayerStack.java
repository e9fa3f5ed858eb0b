package dev.slimlab.engine.layers;

import dev.slimlab.engine.api.WasteReport;
import dev.slimlab.engine.api.WastedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies layer file tables bottom-up, as the daemon does, and keeps what dive's efficiency needs:
 * for every path, the smallest size it was seen with, the sum of its sizes and the number of
 * layers it appears in.
 *
 * <p>An appearance of a path in a layer is: a file, symlink or device entry (with its size, 0 but
 * for regular files), or its deletion — a whiteout of it or of a folder above it, an opaque folder
 * above it, or a non-folder written over a folder above it — which counts 0 bytes. A deletion only
 * counts for files that were there to delete; directories are never paths of their own.
 */
final class LayerStack {

    /** A file of the stacked filesystem: the layer that wrote it and its size. */
    record LiveFile(int layer, long size) {
    }

    private static final class PathStats {
        long min = Long.MAX_VALUE;
        long sum;
        int appearances;

        void add(long size) {
            min = Math.min(min, size);
            sum += size;
            appearances++;
        }
    }

    private final NavigableMap<String, LiveFile> live = new TreeMap<>();
    private final Map<String, PathStats> stats = new HashMap<>();
    private final List<Long> layerBytes = new ArrayList<>();

    /** Puts the next layer on top. */
    void apply(LayerScan layer) {
        int index = layerBytes.size();
        Map<String, Long> files = new LinkedHashMap<>();
        Set<String> whiteouts = new LinkedHashSet<>();
        Set<String> opaque = new LinkedHashSet<>();
        for (int i = 0; i < layer.entryCount(); i++) {
            String path = layer.path(i);
            switch (layer.kind(i)) {
                case LayerScan.FILE -> files.put(path, layer.size(i));
                case LayerScan.WHITEOUT -> whiteouts.add(path);
                case LayerScan.OPAQUE -> opaque.add(path);
                default -> throw new IllegalStateException("kind " + layer.kind(i));
            }
        }

        Map<String, Long> appearances = new HashMap<>();
        for (String folder : opaque) {
            deleteUnder(folder, files, appearances, index);
        }
        for (String path : whiteouts) {
            if (!files.containsKey(path) && live.remove(path) != null) {
                appearances.put(path, 0L);
            }
            deleteUnder(path, files, appearances, index);
        }
        long bytes = 0;
        for (Map.Entry<String, Long> file : files.entrySet()) {
            String path = file.getKey();
            long size = file.getValue();
            // a non-folder replaces a folder of lower layers, and a folder above it replaces a file
            deleteUnder(path, files, appearances, index);
            for (String up = TarPaths.parent(path); !up.isEmpty(); up = TarPaths.parent(up)) {
                LiveFile shadowed = live.get(up);
                if (shadowed != null && shadowed.layer() < index && !files.containsKey(up)) {
                    live.remove(up);
                    appearances.put(up, 0L);
                }
            }
            appearances.put(path, size);
            live.put(path, new LiveFile(index, size));
            bytes += size;
        }
        for (Map.Entry<String, Long> appearance : appearances.entrySet()) {
            stats.computeIfAbsent(appearance.getKey(), k -> new PathStats()).add(appearance.getValue());
        }
        layerBytes.add(bytes);
    }

    /** Deletes the files lower layers put under {@code folder} ("" is the root). */
    private void deleteUnder(String folder, Map<String, Long> files, Map<String, Long> appearances, int index) {
        NavigableMap<String, LiveFile> under = folder.isEmpty()
                ? live
                : live.subMap(folder + "/", true, folder + "0", false); // '0' follows '/'
        if (under.isEmpty()) {
            return;
        }
        var it = under.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, LiveFile> e = it.next();
            if (e.getValue().layer() >= index) {
                continue;
            }
            String path = e.getKey(); // read before remove(): TreeMap may reuse the entry for the successor
            it.remove();
            if (!files.containsKey(path)) {
                appearances.put(path, 0L);
            }
        }
    }

    /** The files of the final filesystem, by normalized path, with the layer that wrote each. */
    NavigableMap<String, LiveFile> finalFiles() {
        return live;
    }

    /** The bytes of the files of each layer applied so far, bottom first. */
    List<Long> layerBytes() {
        return List.copyOf(layerBytes);
    }

    /** dive's figures over the layers applied so far. */
    WasteReport waste(int topWastedFiles) {
        long total = 0;
        for (long b : layerBytes) {
            total += b;
        }
        long sumOfMinimums = 0;
        long sumOfSums = 0;
        long wasted = 0;
        Comparator<Map.Entry<String, PathStats>> byWaste = Comparator
                .comparingLong((Map.Entry<String, PathStats> e) -> e.getValue().sum)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        PriorityQueue<Map.Entry<String, PathStats>> top = new PriorityQueue<>(byWaste); // smallest first
        for (Map.Entry<String, PathStats> e : stats.entrySet()) {
            PathStats s = e.getValue();
            sumOfMinimums += s.min;
            sumOfSums += s.sum;
            if (s.appearances >= 2) {
                wasted += s.sum;
                if (topWastedFiles > 0) {
                    top.add(e);
                    if (top.size() > topWastedFiles) {
                        top.poll();
                    }
                }
            }
        }
        double efficiency = sumOfSums == 0 ? 1.0 : (double) sumOfMinimums / sumOfSums;
        long userBytes = layerBytes.isEmpty() ? 0 : total - layerBytes.get(0);
        double userWastedPercent = userBytes == 0 ? 0.0 : 100.0 * wasted / userBytes;
        List<WastedFile> topFiles = new ArrayList<>();
        while (!top.isEmpty()) {
            Map.Entry<String, PathStats> e = top.poll();
            topFiles.add(0, new WastedFile("/" + e.getKey(), e.getValue().appearances, e.getValue().sum));
        }
        return new WasteReport(total, wasted, efficiency, userWastedPercent, topFiles);
    }
}
