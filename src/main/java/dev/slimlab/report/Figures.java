package dev.slimlab.report;

import dev.slimlab.analysis.Formats;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.BuildTime;

/** How the reports write the same figures, so that every format says the same thing the same way. */
public final class Figures {

    private Figures() {
    }

    public static String size(Assessment a) {
        return a.built() ? Formats.size(a.sizeBytes()) : "—";
    }

    public static String pull(Assessment a) {
        return a.built() ? Formats.size(a.pullBytes()) : "—";
    }

    /** The change against the original, e.g. {@code −61.3%}; "—" for the original and for broken variants. */
    public static String change(Assessment a) {
        if (!a.built() || a.optimizations().isEmpty()) {
            return "—";
        }
        return Formats.signedPercent(-a.sizeSavedPercent());
    }

    /** Median build time with the min–max of the repetitions, and "within noise" where it applies. */
    public static String buildTime(Assessment a) {
        BuildTime t = a.buildTime();
        if (t.repetitions() == 0 || !a.built()) {
            return "—";
        }
        String text = Formats.duration(t.median());
        if (t.repetitions() > 1) {
            text += " (" + Formats.duration(t.min()) + "–" + Formats.duration(t.max()) + ")";
        }
        if (!a.optimizations().isEmpty() && a.built()) {
            text += t.repetitions() < 2 ? ", 1 build: change not measurable"
                    : a.buildChangeInNoise() ? ", within noise" : ", " + Formats.signedDuration(a.buildSecondsChange());
        }
        return text;
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
