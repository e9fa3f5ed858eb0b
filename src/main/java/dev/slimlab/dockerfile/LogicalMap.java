package dev.slimlab.dockerfile;

import java.util.Arrays;

/**
 * Maps offsets of an instruction's logical line back to its source text. The logical line is
 * made of whole runs of physical lines (continuations joined), so one entry per run is enough.
 */
final class LogicalMap {

    private final int[] logicalStarts;
    private final int[] textStarts;
    private final int length;
    private final int textEnd;

    LogicalMap(int[] logicalStarts, int[] textStarts, int length, int textEnd) {
        this.logicalStarts = logicalStarts;
        this.textStarts = textStarts;
        this.length = length;
        this.textEnd = textEnd;
    }

    /** The text offset of logical character {@code k}; for {@code k == length}, the end of the last one. */
    int textOffset(int k) {
        if (k == length) {
            return textEnd;
        }
        int run = Arrays.binarySearch(logicalStarts, k);
        if (run < 0) {
            run = -run - 2;
        }
        return textStarts[run] + (k - logicalStarts[run]);
    }

    /** Accumulates the joined text of an instruction and where each run of it came from. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] logicalStarts = new int[4];
        private int[] sourceStarts = new int[4];
        private int runs;
        private int sourceEnd = -1;

        /** Appends {@code content[0, keep)}, which stands at {@code sourceOffset} in the source. */
        void append(String content, int keep, int sourceOffset) {
            if (keep > 0) {
                if (runs == logicalStarts.length) {
                    logicalStarts = Arrays.copyOf(logicalStarts, runs * 2);
                    sourceStarts = Arrays.copyOf(sourceStarts, runs * 2);
                }
                logicalStarts[runs] = text.length();
                sourceStarts[runs] = sourceOffset;
                runs++;
                text.append(content, 0, keep);
            }
            if (sourceEnd < 0 || keep > 0) {
                sourceEnd = sourceOffset + keep;
            }
        }

        String text() {
            return text.toString();
        }

        /** The map with text offsets relative to {@code base} (where the instruction's text starts). */
        LogicalMap build(int base) {
            int[] textStarts = new int[runs];
            for (int r = 0; r < runs; r++) {
                textStarts[r] = sourceStarts[r] - base;
            }
            return new LogicalMap(Arrays.copyOf(logicalStarts, runs), textStarts, text.length(), sourceEnd - base);
        }
    }
}
