package dev.slimlab.optimize;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two texts side by side, line by line: the old text's lines on the left, the new text's on the
 * right, aligned in rows. It is made from the same changes as {@link UnifiedDiff} (java-diff-utils'
 * deltas): kept lines stand side by side; within each change (a CHANGE, DELETE or INSERT delta: the
 * lines between two kept ones) a removed line and an added line share a changed row when they are
 * alike, and what is left over stands alone, a removed line with nothing on its right or an added
 * line with nothing on its left.
 *
 * <p>Alike means at least half their character pairs in common (Dice's coefficient on bigrams,
 * ignoring indentation); of the orderly ways to pair a run's lines, the one with the most
 * likeness wins. So {@code FROM python:3} pairs with {@code FROM python:3 AS builder}, not with
 * a comment added above it. A run of one removed and one added line is always a changed row, and
 * very long runs (beyond {@value #MAX_CELLS} line pairs to weigh) pair simply in order.
 *
 * @param leftName  what the left side is (say "original")
 * @param rightName what the right side is (say the variant's name)
 * @param rows      the aligned rows, top to bottom
 */
public record SideBySideDiff(String leftName, String rightName, List<Row> rows) {

    /** What a row shows. */
    public enum Kind { SAME, REMOVED, ADDED, CHANGED }

    /** How a line ends: a changed ending alone makes a changed row. */
    public enum Ending {
        LF("LF line end"), CRLF("CRLF line end"), NONE("no newline at end of file");

        private final String label;

        Ending(String label) {
            this.label = label;
        }

        /** The ending in words, for a row whose two sides end differently. */
        public String label() {
            return label;
        }
    }

    /**
     * A line of one side.
     *
     * @param number its 1-based line number in its text
     * @param text   the line without its terminator
     * @param ending its terminator
     */
    public record Line(int number, String text, Ending ending) {
        public Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(ending, "ending");
        }

        static Line of(int index, String withTerminator) {
            if (withTerminator.endsWith("\r\n")) {
                return new Line(index + 1, withTerminator.substring(0, withTerminator.length() - 2), Ending.CRLF);
            }
            if (withTerminator.endsWith("\n")) {
                return new Line(index + 1, withTerminator.substring(0, withTerminator.length() - 1), Ending.LF);
            }
            return new Line(index + 1, withTerminator, Ending.NONE);
        }
    }

    /**
     * One row: a left line, a right line, or both.
     *
     * @param kind  SAME and CHANGED have both sides, REMOVED only the left, ADDED only the right
     * @param left  the old line, or null on an ADDED row
     * @param right the new line, or null on a REMOVED row
     */
    public record Row(Kind kind, Line left, Line right) {
        public Row {
            Objects.requireNonNull(kind, "kind");
            if ((left == null) != (kind == Kind.ADDED) || (right == null) != (kind == Kind.REMOVED)) {
                throw new IllegalArgumentException("a " + kind + " row with left " + left + " and right " + right);
            }
        }

        public boolean hasLeft() {
            return left != null;
        }

        public boolean hasRight() {
            return right != null;
        }

        /** Both sides are there and end differently (CRLF against LF, or a newline against none). */
        public boolean endingsDiffer() {
            return left != null && right != null && left.ending() != right.ending();
        }
    }

    public SideBySideDiff {
        Objects.requireNonNull(leftName, "leftName");
        Objects.requireNonNull(rightName, "rightName");
        rows = List.copyOf(rows);
    }

    /** The two texts side by side. */
    public static SideBySideDiff of(String leftName, String rightName, String oldText, String newText) {
        List<String> a = UnifiedDiff.lines(oldText);
        List<String> b = UnifiedDiff.lines(newText);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : UnifiedDiff.patch(a, b).getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++, j++) {
                rows.add(new Row(Kind.SAME, Line.of(i, a.get(i)), Line.of(j, b.get(j))));
            }
            change(rows, delta.getSource(), delta.getTarget());
            i += delta.getSource().size();
            j += delta.getTarget().size();
        }
        for (; i < a.size(); i++, j++) {
            rows.add(new Row(Kind.SAME, Line.of(i, a.get(i)), Line.of(j, b.get(j))));
        }
        return new SideBySideDiff(leftName, rightName, rows);
    }

    /** Lines at least this alike (0 to 1) may share a changed row. */
    static final double ALIKE = 0.5;
    /** Beyond this many (removed × added) line pairs a run pairs in order, without weighing likeness. */
    static final int MAX_CELLS = 40_000;

    /**
     * A change (a CHANGE, DELETE or INSERT delta) as rows: each pair of alike lines a changed row,
     * and before it the lines of either side that pair with nothing, removed ones first.
     */
    private static void change(List<Row> rows, Chunk<String> removed, Chunk<String> added) {
        int[] partner = pair(removed.getLines(), added.getLines());
        int j = 0;
        for (int i = 0; i < removed.size(); i++) {
            if (partner[i] < 0) {
                continue;
            }
            for (int r = firstUnpaired(partner, i); r < i; r++) {
                rows.add(new Row(Kind.REMOVED, line(removed, r), null));
            }
            for (; j < partner[i]; j++) {
                rows.add(new Row(Kind.ADDED, null, line(added, j)));
            }
            rows.add(new Row(Kind.CHANGED, line(removed, i), line(added, j++)));
        }
        for (int r = firstUnpaired(partner, removed.size()); r < removed.size(); r++) {
            rows.add(new Row(Kind.REMOVED, line(removed, r), null));
        }
        for (; j < added.size(); j++) {
            rows.add(new Row(Kind.ADDED, null, line(added, j)));
        }
    }

    /** Line {@code k} of a chunk, numbered in its whole text. */
    private static Line line(Chunk<String> chunk, int k) {
        return Line.of(chunk.getPosition() + k, chunk.getLines().get(k));
    }

    /** The first of the unpaired removed lines just before {@code end}. */
    private static int firstUnpaired(int[] partner, int end) {
        int r = end;
        while (r > 0 && partner[r - 1] < 0) {
            r--;
        }
        return r;
    }

    /**
     * For each removed line, the index of the added line it pairs with, or -1: the orderly
     * pairing of alike lines with the most likeness in total.
     */
    static int[] pair(List<String> removed, List<String> added) {
        int n = removed.size();
        int m = added.size();
        int[] partner = new int[n];
        Arrays.fill(partner, -1);
        if (n == 1 && m == 1 || (long) n * m > MAX_CELLS) {
            for (int i = 0; i < Math.min(n, m); i++) {
                partner[i] = i;
            }
            return partner;
        }
        double[][] likeness = new double[n][m];
        List<Map<String, Integer>> left = removed.stream().map(SideBySideDiff::bigrams).toList();
        List<Map<String, Integer>> right = added.stream().map(SideBySideDiff::bigrams).toList();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                likeness[i][j] = likeness(left.get(i), right.get(j));
            }
        }
        // best[i][j]: the most likeness pairing removed lines i.. with added lines j.. can reach
        double[][] best = new double[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                double skip = Math.max(best[i + 1][j], best[i][j + 1]);
                best[i][j] = likeness[i][j] >= ALIKE ? Math.max(skip, likeness[i][j] + best[i + 1][j + 1]) : skip;
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (likeness[i][j] >= ALIKE && best[i][j] == likeness[i][j] + best[i + 1][j + 1]) {
                partner[i++] = j++;
            } else if (best[i][j] == best[i + 1][j]) {
                i++;
            } else {
                j++;
            }
        }
        return partner;
    }

    /** Dice's coefficient of two lines' character bigrams: 1 for the same, 0 for nothing in common. */
    private static double likeness(Map<String, Integer> x, Map<String, Integer> y) {
        int sizeX = x.values().stream().mapToInt(Integer::intValue).sum();
        int sizeY = y.values().stream().mapToInt(Integer::intValue).sum();
        if (sizeX == 0 || sizeY == 0) {
            return x.equals(y) ? 1 : 0;
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
        }
        return 2.0 * common / (sizeX + sizeY);
    }

    /** The character pairs of a line without its indentation and terminator, counted; a one-character line is its character. */
    private static Map<String, Integer> bigrams(String line) {
        String text = line.strip();
        Map<String, Integer> counts = new HashMap<>();
        if (text.length() == 1) {
            counts.put(text, 1);
        }
        for (int k = 0; k + 1 < text.length(); k++) {
            counts.merge(text.substring(k, k + 2), 1, Integer::sum);
        }
        return counts;
    }

    /** How many rows are of this kind. */
    public int count(Kind kind) {
        return (int) rows.stream().filter(r -> r.kind() == kind).count();
    }

    /** Whether the two texts are the same. */
    public boolean identical() {
        return rows.stream().allMatch(r -> r.kind() == Kind.SAME);
    }

    /** In a few words: "no change", or say "3 lines changed, 5 added, 2 removed" (leaving out the zeros). */
    public String summary() {
        List<String> parts = new ArrayList<>();
        int[] counts = {count(Kind.CHANGED), count(Kind.ADDED), count(Kind.REMOVED)};
        String[] verbs = {"changed", "added", "removed"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                parts.add(parts.isEmpty() ? counts[i] + (counts[i] == 1 ? " line " : " lines ") + verbs[i]
                        : counts[i] + " " + verbs[i]);
            }
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }
}
