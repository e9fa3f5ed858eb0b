package dev.slimlab.ui.lab;

import dev.slimlab.optimize.Finding;
import dev.slimlab.ui.lab.DockerfileHighlighter.InstructionLines;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the editor marks the Dockerfile: a marker on each line (0-based, as the editor counts
 * paragraphs) that an applying finding names, and a band over the lines of that instruction (its
 * continuation lines and heredoc bodies), with the words a tooltip says there. Findings about
 * the whole file (line 0), that do not apply, or that point past the end get no marker.
 */
final class LineMarkers {

    static final LineMarkers NONE = new LineMarkers(new TreeMap<>(), new TreeMap<>());

    /** The findings on one marked line, in the order the list shows them, without repeats. */
    record Marker(int line, List<Finding> findings) {
    }

    private final TreeMap<Integer, Marker> markers;
    /** Every line in a band, to the line of the marker it belongs to. */
    private final TreeMap<Integer, Integer> bands;

    private LineMarkers(TreeMap<Integer, Marker> markers, TreeMap<Integer, Integer> bands) {
        this.markers = markers;
        this.bands = bands;
    }

    /**
     * Markers for {@code findings} in a text of {@code lineCount} lines whose instructions take
     * {@code instructions} (from {@link DockerfileHighlighter}; a line in none is a band of one).
     */
    static LineMarkers of(List<Finding> findings, int lineCount, List<InstructionLines> instructions) {
        Map<Integer, Set<Finding>> byLine = new TreeMap<>();
        for (Finding f : findings) {
            int line = f.line() - 1;
            if (f.applies() && line >= 0 && line < lineCount) {
                byLine.computeIfAbsent(line, l -> new LinkedHashSet<>()).add(f);
            }
        }
        TreeMap<Integer, Marker> markers = new TreeMap<>();
        TreeMap<Integer, Integer> bands = new TreeMap<>();
        byLine.forEach((line, found) -> {
            markers.put(line, new Marker(line, List.copyOf(found)));
            int last = instructionAt(instructions, line).map(InstructionLines::last).orElse(line);
            for (int l = line; l <= Math.min(last, lineCount - 1); l++) {
                bands.putIfAbsent(l, line);
            }
        });
        return new LineMarkers(markers, bands);
    }

    private static Optional<InstructionLines> instructionAt(List<InstructionLines> instructions, int line) {
        int low = 0;
        int high = instructions.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            InstructionLines i = instructions.get(mid);
            if (i.last() < line) {
                low = mid + 1;
            } else if (i.first() > line) {
                high = mid - 1;
            } else {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The marker shown in the gutter of {@code line}, if one is. */
    Optional<Marker> markerOn(int line) {
        return Optional.ofNullable(markers.get(line));
    }

    /** The marker whose band covers {@code line}: hovering anywhere on a marked instruction explains it. */
    Optional<Marker> markerCovering(int line) {
        Integer owner = bands.get(line);
        return owner == null ? Optional.empty() : Optional.ofNullable(markers.get(owner));
    }

    boolean isEmpty() {
        return markers.isEmpty();
    }

    /** The marked lines, in order. */
    List<Integer> markedLines() {
        return List.copyOf(markers.keySet());
    }

    /** The lines that get the band's background, in order. */
    Set<Integer> bandLines() {
        return Collections.unmodifiableSet(bands.keySet());
    }

    /** The first marked line after {@code line}, wrapping round to the first one. */
    Optional<Integer> nextAfter(int line) {
        Integer next = markers.higherKey(line);
        return Optional.ofNullable(next != null ? next : markers.isEmpty() ? null : markers.firstKey());
    }

    /** The last marked line before {@code line}, wrapping round to the last one. */
    Optional<Integer> previousBefore(int line) {
        Integer previous = markers.lowerKey(line);
        return Optional.ofNullable(previous != null ? previous : markers.isEmpty() ? null : markers.lastKey());
    }

    /**
     * What the tooltip says: which optimizations apply on the marker's line and why, one
     * bullet each, with the optimization's title where {@code titles} knows it.
     */
    static String describe(Marker marker, Function<String, String> titles) {
        List<String> lines = new ArrayList<>();
        lines.add((marker.findings().size() == 1 ? "1 optimization applies" : marker.findings().size()
                + " optimizations apply") + " on line " + (marker.line() + 1) + ":");
        for (Finding f : marker.findings()) {
            String title = titles.apply(f.optimizationId());
            String name = title == null || title.isBlank() ? f.optimizationId() : title + " (" + f.optimizationId() + ")";
            lines.add("• " + name + ": " + f.message());
        }
        return String.join("\n", lines);
    }
}
