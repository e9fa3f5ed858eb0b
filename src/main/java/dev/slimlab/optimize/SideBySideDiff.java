package dev.slimlab.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two texts side by side, line by line: the old text's lines on the left, the new text's on the
 * right, aligned in rows. It is made from the same edit script as {@link UnifiedDiff}: kept lines
 * stand side by side; within each run of changes (the lines between two kept ones) the removed
 * lines are paired in order with the added lines as changed rows, and what is left over stands
 * alone, a removed line with nothing on its right or an added line with nothing on its left.
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
        List<Integer> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        for (UnifiedDiff.Edit edit : UnifiedDiff.editScript(a, b)) {
            switch (edit.op()) {
                case DELETE -> removed.add(edit.oldIndex());
                case INSERT -> added.add(edit.newIndex());
                case KEEP -> {
                    flush(rows, removed, added, a, b);
                    rows.add(new Row(Kind.SAME, Line.of(edit.oldIndex(), a.get(edit.oldIndex())),
                            Line.of(edit.newIndex(), b.get(edit.newIndex()))));
                }
            }
        }
        flush(rows, removed, added, a, b);
        return new SideBySideDiff(leftName, rightName, rows);
    }

    /** A run of changes: removed lines paired with added ones in order, then the rest alone. */
    private static void flush(List<Row> rows, List<Integer> removed, List<Integer> added, List<String> a,
                              List<String> b) {
        int pairs = Math.min(removed.size(), added.size());
        for (int i = 0; i < pairs; i++) {
            rows.add(new Row(Kind.CHANGED, Line.of(removed.get(i), a.get(removed.get(i))),
                    Line.of(added.get(i), b.get(added.get(i)))));
        }
        for (int i = pairs; i < removed.size(); i++) {
            rows.add(new Row(Kind.REMOVED, Line.of(removed.get(i), a.get(removed.get(i))), null));
        }
        for (int i = pairs; i < added.size(); i++) {
            rows.add(new Row(Kind.ADDED, null, Line.of(added.get(i), b.get(added.get(i)))));
        }
        removed.clear();
        added.clear();
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
