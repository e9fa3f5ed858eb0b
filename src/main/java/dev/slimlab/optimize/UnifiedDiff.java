package dev.slimlab.optimize;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MeyersDiff;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff ({@code diff -u}) of two texts, line by line, with three lines of context.
 * java-diff-utils finds the changes (Myers' shortest edit script) and groups them into hunks.
 * The lines keep their terminators, so a changed line ending shows as a change; they are written
 * as {@code diff -u} writes them: without the terminator, a missing final newline marked, and
 * hunk ranges that leave out a count of one and name the line before an empty range.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Beyond this many differing lines the diff just replaces everything (bounded time and memory). */
    private static final int MAX_DIFFERENCES = 4000;
    /** The library writes every range as start,count. */
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@");

    private UnifiedDiff() {
    }

    /** The diff, empty when the texts are equal. */
    public static String diff(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, a, patch(a, lines(newText)),
                CONTEXT);
        StringBuilder out = new StringBuilder();
        out.append(unified.get(0)).append('\n').append(unified.get(1)).append('\n');
        for (String line : unified.subList(2, unified.size())) {
            if (line.startsWith("@@")) { // every other line starts with its marker
                out.append(hunkHeader(line)).append('\n');
            } else if (line.endsWith("\n")) { // a marker and a line with its terminator
                out.append(line, 0, line.length() - (line.endsWith("\r\n") ? 2 : 1)).append('\n');
            } else {
                out.append(line).append("\n\\ No newline at end of file\n");
            }
        }
        return out.toString();
    }

    /** The library's hunk header as {@code diff -u} writes it. */
    private static String hunkHeader(String header) {
        Matcher hunk = HUNK.matcher(header);
        if (!hunk.matches()) {
            return header;
        }
        return "@@ -" + range(hunk.group(1), hunk.group(2)) + " +" + range(hunk.group(3), hunk.group(4)) + " @@";
    }

    private static String range(String start, String count) {
        return switch (count) {
            case "0" -> (Integer.parseInt(start) - 1) + ",0"; // an empty range names the line before it
            case "1" -> start;
            default -> start + "," + count;
        };
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

    /**
     * The changes turning {@code oldLines} into {@code newLines}: the line diff this class prints,
     * for views that show it otherwise (side by side, for one). Past {@value #MAX_DIFFERENCES}
     * differences it is one change replacing every line.
     */
    public static Patch<String> patch(List<String> oldLines, List<String> newLines) {
        try {
            return DiffUtils.diff(oldLines, newLines, new MeyersDiff<>(), new GiveUpBeyond());
        } catch (TooManyDifferences e) {
            Patch<String> everything = new Patch<>();
            everything.addDelta(new ChangeDelta<>(new Chunk<>(0, oldLines), new Chunk<>(0, newLines)));
            return everything;
        }
    }

    /** Stops Myers' search, which takes time and memory growing with the square of the differences. */
    private static final class GiveUpBeyond implements DiffAlgorithmListener {
        @Override
        public void diffStart() {
        }

        @Override
        public void diffStep(int differences, int max) {
            if (differences > MAX_DIFFERENCES) {
                throw new TooManyDifferences();
            }
        }

        @Override
        public void diffEnd() {
        }
    }

    private static final class TooManyDifferences extends RuntimeException {
        TooManyDifferences() {
            super(null, null, false, false);
        }
    }
}
