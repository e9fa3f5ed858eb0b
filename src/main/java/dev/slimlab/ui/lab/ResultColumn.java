package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Assessment;
import dev.slimlab.analysis.Formats;
import dev.slimlab.analysis.Verdict;
import dev.slimlab.report.Figures;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of the risk/reward table: what each shows (the reports' wording, from
 * {@link Figures}, but for a shorter build time and the verdict without its reason, which the
 * details below the table give; the whole of each is in {@link #fullText}) and how
 * it sorts (by the value, never by the text: 600 MB sorts before 1.2 GB).
 * A value that is not there (the "—" of a broken variant, of tests not run) sorts after every
 * value in ascending order.
 */
public enum ResultColumn {

    VARIANT("Variant", ResultRow::label,
            Comparator.comparing((ResultRow r) -> r.name().toLowerCase(Locale.ROOT))),
    SIZE("Size", r -> Figures.size(r.assessment()), by(ResultColumn::sizeKey)),
    CHANGE("Change", r -> Figures.change(r.assessment()), by(ResultColumn::changeKey)),
    PULL("Pull size", r -> Figures.pull(r.assessment()), by(ResultColumn::pullKey)),
    BUILD_TIME("Build time", r -> shortBuildTime(r.assessment()), by(ResultColumn::buildTimeKey)),
    TESTS("Tests", r -> Figures.tests(r.assessment()), by(ResultColumn::testsKey)),
    PARITY("Parity", r -> Figures.parity(r.assessment()), by(ResultColumn::parityKey)),
    RISK("Risk", r -> r.assessment().risk().label(), Comparator.comparing((ResultRow r) -> r.assessment().risk())),
    VERDICT("Verdict", r -> r.assessment().verdict().label(),
            Comparator.comparingInt((ResultRow r) -> verdictRank(r.assessment().verdict()))
                    .thenComparing(by(ResultColumn::sizeKey)));

    /** Verdicts from the one to ship to the ones that cannot ship. */
    static final List<Verdict> VERDICT_ORDER = List.of(Verdict.BEST, Verdict.TOO_LARGE, Verdict.OVER_ENGINEERED,
            Verdict.REGRESSED, Verdict.BROKEN, Verdict.NOT_MEASURED);

    private final String title;
    private final Function<ResultRow, String> text;
    private final Comparator<ResultRow> order;

    ResultColumn(String title, Function<ResultRow, String> text, Comparator<ResultRow> order) {
        this.title = title;
        this.text = text;
        this.order = order;
    }

    public String title() {
        return title;
    }

    /** What the cell says. */
    public String text(ResultRow row) {
        return text.apply(row);
    }

    /** The ascending order of the column, by value. */
    public Comparator<ResultRow> order() {
        return order;
    }

    /** What the cell would say with room for it: the reports' build time (with the range); the rest as is. */
    public String fullText(ResultRow row) {
        return switch (this) {
            case BUILD_TIME -> Figures.buildTime(row.assessment());
            case VERDICT -> text(row) + ": " + row.assessment().reason();
            default -> text(row);
        };
    }

    /**
     * The median build time and its change against the original, e.g. {@code 6m 02s (−1m 58s)},
     * {@code (in noise)} when the change is within the spread of the repetitions; no change when
     * it cannot be told from one build each.
     */
    static String shortBuildTime(Assessment a) {
        if (!a.built() || a.buildTime().repetitions() == 0) {
            return "—";
        }
        String text = Formats.duration(a.buildTime().median());
        if (a.optimizations().isEmpty() || a.buildTime().repetitions() < 2) {
            return text;
        }
        return text + (a.buildChangeInNoise() ? " (in noise)"
                : " (" + Formats.signedDuration(a.buildSecondsChange()) + ")");
    }

    private static <K extends Comparable<? super K>> Comparator<ResultRow> by(Function<Assessment, K> key) {
        return Comparator.comparing((ResultRow r) -> key.apply(r.assessment()),
                Comparator.nullsLast(Comparator.naturalOrder()));
    }

    static Long sizeKey(Assessment a) {
        return a.built() ? a.sizeBytes() : null;
    }

    /** The change in size against the original, in percent (0 for the original itself). */
    static Double changeKey(Assessment a) {
        return a.built() ? -a.sizeSavedPercent() : null;
    }

    static Long pullKey(Assessment a) {
        return a.built() ? a.pullBytes() : null;
    }

    /** The median build time in seconds. */
    static Double buildTimeKey(Assessment a) {
        return a.built() && a.buildTime().repetitions() > 0 ? a.buildTime().median() : null;
    }

    /** The share of tests passed, then how many passed: 1/2 before 2/2 before 3/3. */
    static TestCount testsKey(Assessment a) {
        return a.testsRun() == 0 ? null : new TestCount(a.testsPassed(), a.testsRun());
    }

    /** High findings first, then medium, then low: 0/2/5 sorts before 1/0/0. */
    static ParityCount parityKey(Assessment a) {
        return !a.checked() || a.optimizations().isEmpty() ? null
                : new ParityCount(a.parityHigh(), a.parityMedium(), a.parityLow());
    }

    static int verdictRank(Verdict verdict) {
        return VERDICT_ORDER.indexOf(verdict);
    }

    /** Tests passed of tests run, compared by the share passed, then by the number passed. */
    record TestCount(int passed, int run) implements Comparable<TestCount> {
        @Override
        public int compareTo(TestCount other) {
            int byShare = Long.compare((long) passed * other.run, (long) other.passed * run);
            return byShare != 0 ? byShare : Integer.compare(passed, other.passed);
        }
    }

    /** Parity findings by severity, compared high first. */
    record ParityCount(long high, long medium, long low) implements Comparable<ParityCount> {
        private static final Comparator<ParityCount> ORDER = Comparator.comparingLong(ParityCount::high)
                .thenComparingLong(ParityCount::medium).thenComparingLong(ParityCount::low);

        @Override
        public int compareTo(ParityCount other) {
            return ORDER.compare(this, other);
        }
    }
}
