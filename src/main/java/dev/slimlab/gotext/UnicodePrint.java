package dev.slimlab.gotext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Go's {@code unicode.IsPrint}, from the same Unicode version Go's tables use (15.0), so that
 * quoting does not depend on the Unicode version of the running JDK.
 */
final class UnicodePrint {

    private static final int[] FIRST;
    private static final int[] LAST;

    static {
        List<int[]> ranges = new ArrayList<>();
        try (InputStream in = UnicodePrint.class.getResourceAsStream("unicode-print.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] pair = line.split(" ");
                    ranges.add(new int[] {Integer.parseInt(pair[0], 16), Integer.parseInt(pair[1], 16)});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FIRST = ranges.stream().mapToInt(r -> r[0]).toArray();
        LAST = ranges.stream().mapToInt(r -> r[1]).toArray();
    }

    private UnicodePrint() {
    }

    static boolean isPrint(int r) {
        if (r <= 0xFF) {
            return r >= 0x20 && r <= 0x7E || r >= 0xA1 && r != 0xAD;
        }
        int i = Arrays.binarySearch(FIRST, r);
        if (i >= 0) {
            return true;
        }
        int candidate = -i - 2;
        return candidate >= 0 && r <= LAST[candidate];
    }
}
