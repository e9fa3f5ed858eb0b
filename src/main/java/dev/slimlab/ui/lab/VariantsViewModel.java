package dev.slimlab.ui.lab;

import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Finding;
import dev.slimlab.optimize.Optimization;
import dev.slimlab.optimize.Preset;
import dev.slimlab.optimize.Project;
import dev.slimlab.optimize.SideBySideDiff;
import dev.slimlab.optimize.UnifiedDiff;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The variants and their toggles: the optimizations on or off for the selected variant, the
 * presets, adding and removing variants, and the selected variant's Dockerfile against the
 * original (rewritten and diffed off the FX thread).
 */
public final class VariantsViewModel {

    private final LabState state;
    private final ObservableList<OptimizationItem> optimizations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper preset = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SideBySideDiff> sideBySide = new ReadOnlyObjectWrapper<>();
    private boolean syncingToggles;
    /** Counts diffs asked for, so that one finished after a newer change is not shown. */
    private long generation;

    public VariantsViewModel(LabState state, DockerfileViewModel dockerfile) {
        this.state = state;
        for (Optimization o : state.catalog().all()) {
            OptimizationItem item = new OptimizationItem(o);
            item.selectedProperty().addListener((obs, was, is) -> togglesChanged());
            optimizations.add(item);
        }
        dockerfile.allFindingsProperty().addListener((obs, was, is) -> showFindings(is));
        state.projectProperty().addListener((obs, was, is) -> showVariant(state.selectedVariantProperty().get()));
        state.selectedVariantProperty().addListener((obs, was, is) -> showVariant(is));
    }

    /** The variants a newly opened Dockerfile starts with: the original and the two presets. */
    void startOver() {
        Set<String> none = Set.of();
        state.getVariants().setAll(new VariantItem(VariantItem.ORIGINAL, none),
                new VariantItem(Preset.MINIMAL.label(), state.catalog().preset(Preset.MINIMAL)),
                new VariantItem(Preset.MAXIMUM.label(), state.catalog().preset(Preset.MAXIMUM)));
        state.selectedVariantProperty().set(state.getVariants().get(1));
    }

    /** Sets the toggles (of the selected variant) to a preset. */
    public void applyPreset(Preset chosen) {
        setToggles(state.catalog().preset(chosen));
    }

    /** A new variant with the optimizations now toggled on; the name must be a valid image tag. */
    public Optional<VariantItem> addVariant(String name) {
        String clean = name.strip().toLowerCase(Locale.ROOT);
        if (state.getVariants().stream().anyMatch(v -> v.name().equals(clean))) {
            state.say("There is already a variant called " + clean + ": choose another name.");
            return Optional.empty();
        }
        try {
            new VariantSpec(clean, Set.of());
        } catch (IllegalArgumentException e) {
            state.say(e.getMessage() + ".");
            return Optional.empty();
        }
        VariantItem item = new VariantItem(clean, toggled());
        state.getVariants().add(item);
        state.selectedVariantProperty().set(item);
        return Optional.of(item);
    }

    public void removeVariant(VariantItem item) {
        if (!item.isOriginal()) {
            state.getVariants().remove(item);
        }
    }

    private void showFindings(List<Finding> all) {
        Map<String, List<Finding>> byId = all.stream().collect(Collectors.groupingBy(Finding::optimizationId));
        for (OptimizationItem item : optimizations) {
            item.setFindings(byId.getOrDefault(item.id(), List.of()));
        }
    }

    private Set<String> toggled() {
        return optimizations.stream().filter(OptimizationItem::isSelected).map(OptimizationItem::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private void setToggles(Set<String> ids) {
        syncingToggles = true;
        try {
            optimizations.forEach(o -> o.setSelected(ids.contains(o.id())));
        } finally {
            syncingToggles = false;
        }
        togglesChanged();
    }

    private void togglesChanged() {
        if (syncingToggles) {
            return;
        }
        VariantItem selected = state.selectedVariantProperty().get();
        if (selected != null && !selected.isOriginal()) {
            selected.setOptimizations(toggled());
        }
        showVariant(selected);
    }

    private record Diffs(String unified, SideBySideDiff sideBySide) {
    }

    private void showVariant(VariantItem variant) {
        long mine = ++generation;
        if (variant == null) {
            preset.set("");
            show(new Diffs("", null));
            return;
        }
        preset.set(presetName(variant.optimizations()));
        if (!syncingToggles) {
            syncingToggles = true;
            try {
                optimizations.forEach(o -> o.setSelected(variant.optimizations().contains(o.id())));
            } finally {
                syncingToggles = false;
            }
        }
        Project p = state.projectProperty().get();
        if (p == null) {
            show(new Diffs("", null));
            return;
        }
        String name = variant.name();
        Set<String> ids = variant.optimizations();
        state.tasks().run(() -> diffs(p, name, ids), d -> {
            if (mine == generation) {
                show(d);
            }
        }, e -> state.say("Cannot show the variant " + name + ": " + LabState.describe(e)));
    }

    private Diffs diffs(Project p, String name, Set<String> ids) {
        String original = p.dockerfile().print();
        String optimized = state.catalog().apply(ids, p).project().dockerfile().print();
        String d = UnifiedDiff.diff("original/Dockerfile", name + "/Dockerfile", original, optimized);
        return new Diffs(d.isEmpty() ? "(no change: this variant's Dockerfile is the original)" : d,
                SideBySideDiff.of("original", name, original, optimized));
    }

    private void show(Diffs d) {
        diff.set(d.unified());
        sideBySide.set(d.sideBySide());
    }

    /** "Original", "Minimal" or "Maximum" when the set is a preset's, else "Custom". */
    private String presetName(Set<String> ids) {
        for (Preset p : Preset.values()) {
            if (state.catalog().preset(p).equals(ids)) {
                return p.label().substring(0, 1).toUpperCase(Locale.ROOT) + p.label().substring(1);
            }
        }
        return "Custom";
    }

    public ObservableList<OptimizationItem> getOptimizations() {
        return optimizations;
    }

    /** Which preset the selected variant's optimizations are (or "Custom"). */
    public ReadOnlyStringProperty presetProperty() {
        return preset.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** The selected variant's Dockerfile beside the original's, row by row; null with no variant or no Dockerfile. */
    public ReadOnlyObjectProperty<SideBySideDiff> sideBySideProperty() {
        return sideBySide.getReadOnlyProperty();
    }

    public LabState state() {
        return state;
    }
}
