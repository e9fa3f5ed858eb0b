package dev.slimlab.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff ({@code diff -u}) of two texts, line by line, computed with Myers' algorithm
 * (shortest edit script), with three lines of context.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** What one step of an edit script does with a line. */
    public enum Op { KEEP, DELETE, INSERT }

    /**
     * One step of an edit script, with 0-based indexes into the old and the new lines: keep old
     * line {@code oldIndex} as new line {@code newIndex}, delete old line {@code oldIndex}, or
     * insert new line {@code newIndex}. (On a delete {@code newIndex}, on an insert
     * {@code oldIndex}, is where the other text stands at that point.)
     */
    public record Edit(Op op, int oldIndex, int newIndex) {
    }

    /** The diff, empty when the texts are equal. */
    public static String diff(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Edit> script = editScript(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == Op.KEEP) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are at most 2 * CONTEXT lines apart
            int keepRun = 0;
            int j = i;
            while (j < script.size()) {
                if (script.get(j).op() == Op.KEEP) {
                    keepRun++;
                    if (keepRun > 2 * CONTEXT) {
                        break;
                    }
                } else {
                    keepRun = 0;
                    end = j;
                }
                j++;
            }
            int stop = Math.min(script.size(), end + 1 + CONTEXT);
            appendHunk(out, script.subList(start, stop), a, b);
            i = stop;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk, List<String> a, List<String> b) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op() != Op.INSERT) {
                oldStart = oldStart < 0 ? e.oldIndex() : oldStart;
                oldCount++;
            }
            if (e.op() != Op.DELETE) {
                newStart = newStart < 0 ? e.newIndex() : newStart;
                newCount++;
            }
        }
        out.append("@@ -").append(range(oldStart, oldCount, hunk.get(0).oldIndex()))
                .append(" +").append(range(newStart, newCount, hunk.get(0).newIndex())).append(" @@\n");
        for (Edit e : hunk) {
            switch (e.op()) {
                case KEEP -> line(out, ' ', a.get(e.oldIndex()));
                case DELETE -> line(out, '-', a.get(e.oldIndex()));
                case INSERT -> line(out, '+', b.get(e.newIndex()));
            }
        }
    }

    private static String range(int start, int count, int fallback) {
        int first = count == 0 ? fallback : start + 1; // an empty range names the line before it
        return count == 1 ? String.valueOf(first) : first + "," + count;
    }

    private static void line(StringBuilder out, char marker, String line) {
        out.append(marker);
        if (line.endsWith("\n")) {
            out.append(line, 0, line.endsWith("\r\n") ? line.length() - 2 : line.length() - 1).append('\n');
        } else {
            out.append(line).append("\n\\ No newline at end of file\n");
        }
    }

    /** Lines with their terminators, so a changed line ending shows as a change. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(at, end));
            at = end;
        }
        return lines;
    }

    /** Beyond this many differing lines the diff just replaces everything (bounded time and memory). */
    private static final int MAX_DIFFERENCES = 4000;

    /**
     * The shortest edit script turning {@code oldLines} into {@code newLines}: the line diff this
     * class prints, for views that show it otherwise (side by side, for one). Every old line
     * appears once as KEEP or DELETE and every new line once as KEEP or INSERT, in order.
     */
    public static List<Edit> editScript(List<String> oldLines, List<String> newLines) {
        return shortestEditScript(oldLines, newLines);
    }

    /**
     * Myers' O((N+M)D) greedy algorithm. The trace keeps, for each D, only the diagonals that
     * step can reach, so memory grows with D squared, not with the file size.
     */
    private static List<Edit> shortestEditScript(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = Math.min(n + m, MAX_DIFFERENCES);
        int offset = max + 1;
        int[] v = new int[2 * max + 4];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            return replaceAll(n, m);
        }
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d >= 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = k == -d || k != d && at(vd, d, k - 1) < at(vd, d, k + 1) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : at(vd, d, prevK);
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(new Edit(Op.KEEP, --x, --y));
            }
            if (d > 0) {
                if (x == prevX) {
                    reversed.add(new Edit(Op.INSERT, x, --y));
                } else {
                    reversed.add(new Edit(Op.DELETE, --x, y));
                }
            }
        }
        List<Edit> script = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            script.add(reversed.get(i));
        }
        return script;
    }

    /** Diagonal {@code k} of the trace slice kept for step {@code d}. */
    private static int at(int[] slice, int d, int k) {
        int i = k + d;
        return i >= 0 && i < slice.length ? slice[i] : 0;
    }

    private static List<Edit> replaceAll(int n, int m) {
        List<Edit> script = new ArrayList<>(n + m);
        for (int i = 0; i < n; i++) {
            script.add(new Edit(Op.DELETE, i, 0));
        }
        for (int j = 0; j < m; j++) {
            script.add(new Edit(Op.INSERT, n, j));
        }
        return script;
    }
}
