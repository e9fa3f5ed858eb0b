package dev.slimlab.analysis;

/** What SlimLab says of a variant; the rules are in {@link Analyzer} and the README. */
public enum Verdict {
    BEST("best"),
    TOO_LARGE("too large"),
    OVER_ENGINEERED("over-engineered"),
    BROKEN("broken"),
    REGRESSED("regressed"),
    /** Not measured: the run was cancelled before this variant finished; it is not compared. */
    NOT_MEASURED("not measured");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
