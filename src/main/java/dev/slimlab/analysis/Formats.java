package dev.slimlab.analysis;

import java.util.List;
import java.util.Locale;

/**
 * How SlimLab writes sizes, durations and percentages, in every report, chart, table, CLI line
 * and view: one rule each, so that a figure reads the same wherever it is shown.
 *
 * <p>Sizes are decimal, as Docker shows them (1 MB = 1,000,000 bytes), with one decimal:
 * {@code 336.0 MB}, {@code 1.2 GB}, {@code 512 B}. Durations have one decimal under a minute
 * ({@code 4.2 s}), then minutes and seconds ({@code 6 min 2 s}), then hours and minutes
 * ({@code 1 h 2 min}). Negative values take a true minus sign ({@code −1.6 GB}).
 */
public final class Formats {

    /** A decimal unit of size: its symbol and how many bytes it holds. */
    public record SizeUnit(String symbol, double bytes) {
    }

    private static final List<SizeUnit> UNITS = List.of(new SizeUnit("B", 1), new SizeUnit("kB", 1e3),
            new SizeUnit("MB", 1e6), new SizeUnit("GB", 1e9), new SizeUnit("TB", 1e12), new SizeUnit("PB", 1e15));
    private static final String MINUS = "\u2212";

    private Formats() {
    }

    /** The largest unit that {@code bytes} fills at least once, e.g. MB for 336,000,000; B below 1 kB. */
    public static SizeUnit sizeUnit(double bytes) {
        SizeUnit unit = UNITS.get(0);
        for (SizeUnit u : UNITS) {
            if (Math.abs(bytes) >= u.bytes()) {
                unit = u;
            }
        }
        return unit;
    }

    /** {@code 336.0 MB}, {@code 1.2 GB}, {@code 512 B}; a value that rounds to 1000 takes the next unit. */
    public static String size(long bytes) {
        SizeUnit unit = sizeUnit(bytes);
        if (unit.bytes() == 1) {
            return bytes + " B";
        }
        int next = UNITS.indexOf(unit) + 1;
        if (Math.abs(Math.round(bytes / unit.bytes() * 10)) >= 10_000 && next < UNITS.size()) {
            unit = UNITS.get(next);
        }
        return String.format(Locale.ROOT, "%.1f %s", bytes / unit.bytes(), unit.symbol());
    }

    /** A change of size: {@code −1.6 GB} smaller, {@code +50.0 MB} larger, {@code 0 B} for none. */
    public static String signedSize(long bytes) {
        return (bytes < 0 ? MINUS : bytes > 0 ? "+" : "") + size(Math.abs(bytes));
    }

    /** {@code 0.5 s}, {@code 33.6 s}, {@code 6 min 2 s}, {@code 10 min}, {@code 1 h 2 min}. */
    public static String duration(double seconds) {
        if (Math.round(seconds * 10) < 600) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = s % 3600 / 60;
        long rest = s % 60;
        return (h > 0 ? h + " h " : "") + m + " min" + (rest > 0 && h == 0 ? " " + rest + " s" : "");
    }

    /** A change of duration: {@code +2.0 s}, {@code −1 min 58 s}. */
    public static String signedDuration(double seconds) {
        return (seconds >= 0 ? "+" : MINUS) + duration(Math.abs(seconds));
    }

    /** {@code 61.3%}. */
    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** A change as a percentage: {@code −61.3%}, {@code +2.0%}, and {@code ±0.0%} for none. */
    public static String signedPercent(double percent) {
        String abs = percent(Math.abs(percent));
        return (abs.equals("0.0%") ? "\u00b1" : percent > 0 ? "+" : MINUS) + abs;
    }
}
