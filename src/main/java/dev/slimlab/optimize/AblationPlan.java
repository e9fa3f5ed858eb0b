package dev.slimlab.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The variants that measure each optimization's own effect: the original, each optimization
 * that changes the file on its own, and the Minimal and Maximum presets.
 */
public final class AblationPlan {

    /** A variant to build: its name and the optimizations it applies. */
    public record PlannedVariant(String name, Set<String> optimizationIds) {

        public PlannedVariant {
            optimizationIds = Set.copyOf(optimizationIds);
        }
    }

    private AblationPlan() {
    }

    /** The plan for a builder with BuildKit; {@code buildKit} false leaves out what only BuildKit builds. */
    public static List<PlannedVariant> of(Catalog catalog, Project project, boolean buildKit) {
        List<PlannedVariant> plan = new ArrayList<>();
        plan.add(new PlannedVariant(Preset.ORIGINAL.label(), Set.of()));
        for (Optimization optimization : catalog.all()) {
            if (!optimization.lintOnly() && (buildKit || !optimization.needsBuildKit())
                    && catalog.apply(Set.of(optimization.id()), project).changed()) {
                plan.add(new PlannedVariant(optimization.id(), Set.of(optimization.id())));
            }
        }
        plan.add(new PlannedVariant(Preset.MINIMAL.label(), catalog.preset(Preset.MINIMAL)));
        plan.add(new PlannedVariant(Preset.MAXIMUM.label(), catalog.preset(Preset.MAXIMUM)));
        return plan;
    }
}
