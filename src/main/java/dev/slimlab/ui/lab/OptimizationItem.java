package dev.slimlab.ui.lab;

import dev.slimlab.optimize.Finding;
import dev.slimlab.optimize.Optimization;
import dev.slimlab.optimize.Risk;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/** One catalog entry as a toggle: on or off for the selected variant, and where it applies. */
public final class OptimizationItem {

    private final Optimization optimization;
    private final BooleanProperty selected = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper applies = new ReadOnlyStringWrapper("");
    private List<Finding> findings = List.of();

    OptimizationItem(Optimization optimization) {
        this.optimization = optimization;
    }

    public String id() {
        return optimization.id();
    }

    public String title() {
        return optimization.title();
    }

    public Risk risk() {
        return optimization.risk();
    }

    /** The risk in words, e.g. "medium risk": shown next to its colour, never colour alone. */
    public String riskLabel() {
        return risk().name().toLowerCase(Locale.ROOT) + " risk";
    }

    public String category() {
        return optimization.category().label();
    }

    /** The hadolint rule, or "". */
    public String hadolint() {
        return optimization.hadolint().orElse("");
    }

    public String riskRationale() {
        return optimization.riskRationale();
    }

    public String lesson() {
        return optimization.lesson();
    }

    public boolean lintOnly() {
        return optimization.lintOnly();
    }

    public List<Finding> findings() {
        return findings;
    }

    /** "applies in 2 places", or why it does not apply. */
    public ReadOnlyStringProperty appliesProperty() {
        return applies.getReadOnlyProperty();
    }

    public String getApplies() {
        return applies.get();
    }

    void setFindings(List<Finding> all) {
        findings = List.copyOf(all);
        long places = all.stream().filter(Finding::applies).count();
        if (places > 0) {
            applies.set((lintOnly() ? "found in " : "applies in ") + places + (places == 1 ? " place" : " places"));
        } else {
            applies.set(all.stream().map(Finding::message).findFirst().orElse("does not apply here"));
        }
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean value) {
        selected.set(value);
    }
}
