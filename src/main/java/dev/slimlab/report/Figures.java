package dev.slimlab.report;

import dev.slimlab.analysis.Formats;
import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.BuildTime;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.experiment.ExperimentResult;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Which builder built the images, and what the build times measure when a file was changed
     * between builds: "Images built with BuildKit; the build times are warm rebuilds after changing
     * app.py". Empty when the experiment does not say.
     */
    public static String builtWith(ExperimentResult experiment) {
        List<String> parts = new ArrayList<>();
        Builder builder = experiment.engine() == null ? Builder.AUTO : experiment.engine().builder();
        if (builder != Builder.AUTO) { // AUTO: a file from before the builder was recorded
            parts.add("images built with " + (builder == Builder.BUILDKIT ? "BuildKit" : "the classic builder"));
        }
        experiment.changedFile().ifPresent(f -> parts.add("the build times are warm rebuilds after changing " + f));
        String text = String.join("; ", parts);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
