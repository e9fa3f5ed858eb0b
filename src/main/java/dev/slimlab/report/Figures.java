package dev.slimlab.report;

import dev.slimlab.analysis.Analyzer;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.BuildTime;
import java.util.Locale;

/** How the reports write the same figures, so that every format says the same thing the same way. */
public final class Figures {

    private Figures() {
    }

    public static String size(Assessment a) {
        return a.built() ? Analyzer.bytes(a.sizeBytes()) : "—";
    }

    public static String pull(Assessment a) {
        return a.built() ? Analyzer.bytes(a.pullBytes()) : "—";
    }

    /** The change against the original, e.g. {@code −61.3%}; "—" for the original and for broken variants. */
    public static String change(Assessment a) {
        if (!a.built() || a.optimizations().isEmpty()) {
            return "—";
        }
        double change = -a.sizeSavedPercent();
        return String.format(Locale.ROOT, "%s%.1f%%", change > 0 ? "+" : change < 0 ? "−" : "", Math.abs(change));
    }

    /** Median build time with the min–max of the repetitions, and "within noise" where it applies. */
    public static String buildTime(Assessment a) {
        BuildTime t = a.buildTime();
        if (t.repetitions() == 0 || !a.built()) {
            return "—";
        }
        String text = duration(t.median());
        if (t.repetitions() > 1) {
            text += " (" + duration(t.min()) + "–" + duration(t.max()) + ")";
        }
        if (!a.optimizations().isEmpty() && a.built()) {
            text += t.repetitions() < 2 ? ", 1 build: change not measurable"
                    : a.buildChangeInNoise() ? ", within noise" : ", " + signedDuration(a.buildSecondsChange());
        }
        return text;
    }

    public static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
    }

    public static String signedDuration(double seconds) {
        return (seconds >= 0 ? "+" : "−") + duration(Math.abs(seconds));
    }

    public static String tests(Assessment a) {
        return a.testsRun() == 0 ? "—" : a.testsPassed() + "/" + a.testsRun();
    }

    /** high/medium/low parity findings; "—" where parity was not checked (or for the original). */
    public static String parity(Assessment a) {
        return !a.checked() || a.optimizations().isEmpty() ? "—"
                : a.parityHigh() + "/" + a.parityMedium() + "/" + a.parityLow();
    }
}
