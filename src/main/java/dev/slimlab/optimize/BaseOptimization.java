package dev.slimlab.optimize;

import java.util.List;
import java.util.Optional;

/** Holds an optimization's description; subclasses add the detection and the rewrite. */
abstract class BaseOptimization implements Optimization {

    private final String id;
    private final String title;
    private final Category category;
    private final Risk risk;
    private final String riskRationale;
    private final String hadolint;

    BaseOptimization(String id, String title, Category category, Risk risk, String riskRationale, String hadolint) {
        this.id = id;
        this.title = title;
        this.category = category;
        this.risk = risk;
        this.riskRationale = riskRationale;
        this.hadolint = hadolint;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public final Risk risk() {
        return risk;
    }

    @Override
    public final String riskRationale() {
        return riskRationale;
    }

    @Override
    public final Optional<String> hadolint() {
        return Optional.ofNullable(hadolint);
    }

    /**
     * The findings as they are, or, when there are none, the one finding that says why nothing
     * applies (every optimization says where it applies, or why not).
     */
    final List<Finding> orNothingToDo(List<Finding> findings, String why) {
        return findings.isEmpty() ? List.of(Finding.nothingToDo(id, why)) : findings;
    }

    @Override
    public String toString() {
        return id;
    }
}
