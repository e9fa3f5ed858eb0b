package dev.slimlab.ui.lab;

import dev.slimlab.analysis.Assessment;

/**
 * One row of the risk/reward table: a variant's assessment, and whether it is the one SlimLab
 * recommends.
 */
public record ResultRow(Assessment assessment, boolean recommended) {

    public String name() {
        return assessment.name();
    }

    public boolean paretoOptimal() {
        return assessment.paretoOptimal();
    }

    /** The variant's name with its marks: ★ before the recommended one, ◆ after a Pareto-optimal one. */
    public String label() {
        return (recommended ? "★ " : "") + assessment.name() + (assessment.paretoOptimal() ? " ◆" : "");
    }
}
