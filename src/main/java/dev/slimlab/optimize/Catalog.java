package dev.slimlab.optimize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every optimization SlimLab knows, in canonical order: a set of optimizations is always applied
 * in this order, whatever order the user toggled them in, so any set gives one result.
 *
 * <p>The order puts rewrites that restructure the file first (multi-stage, combined RUNs), then
 * base images, then package-manager flags and clean-ups (so a clean-up sees the RUNs as merged,
 * and purging build packages comes before removing the apt lists), then the build context, then
 * the renaming of misspelled variables. Lint-only checks come last and change nothing. Cache
 * mounts come before the clean-ups of the caches they mount, which then leave those RUNs alone.
 */
public final class Catalog {

    private final List<Optimization> optimizations;

    private Catalog(List<Optimization> optimizations) {
        this.optimizations = List.copyOf(optimizations);
    }

    /** The standard catalog. */
    public static Catalog standard() {
        return new Catalog(List.of(
                new MultiStage(),
                new CombineRuns(),
                new AlpineBase(),
                new SlimBase(),
                new JdkToJre(),
                new AptNoInstallRecommends(),
                new RemoveBuildDeps(),
                new CacheMounts(),
                new AptCleanLists(),
                new ApkNoCache(),
                new YumClean(),
                new PipNoCacheDir(),
                new NpmOmitDev(),
                new NpmCleanCache(),
                new PlaywrightChromiumOnly(),
                new CopyChown(),
                new DockerIgnore(),
                new EnvTypo(),
                new UnpinnedBase(),
                new AddInsteadOfCopy(),
                new SecretInEnv()));
    }

    /** All optimizations, in canonical order. */
    public List<Optimization> all() {
        return optimizations;
    }

    /** The ids, in canonical order. */
    public List<String> ids() {
        return optimizations.stream().map(Optimization::id).toList();
    }

    /** {@code ids} in canonical order; ids this catalog does not know come last, sorted. */
    public List<String> canonicalOrder(Collection<String> ids) {
        List<String> ordered = new ArrayList<>(ids().stream().filter(ids::contains).toList());
        ids.stream().filter(id -> byId(id).isEmpty()).sorted().forEach(ordered::add);
        return ordered;
    }

    public Optional<Optimization> byId(String id) {
        return optimizations.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** Throws with the list of valid ids if any id is unknown. */
    public void requireKnown(Collection<String> ids) {
        List<String> unknown = ids.stream().filter(id -> byId(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown optimization" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; valid ids: " + String.join(", ", ids()));
        }
    }

    /**
     * Applies the given optimizations in canonical order, each to the result of the one before.
     * Lint-only ids change nothing. An optimization that fails is skipped with a note, so one
     * bad rewrite never takes the others down.
     */
    /** How the note of an optimization that failed to apply begins. */
    public static final String NOT_APPLIED = "not applied: ";

    public Applied apply(Collection<String> ids, Project project) {
        requireKnown(ids);
        Set<String> wanted = new LinkedHashSet<>(ids);
        Project current = project;
        List<ChangeNote> notes = new ArrayList<>();
        for (Optimization optimization : optimizations) {
            if (!wanted.contains(optimization.id()) || optimization.lintOnly()) {
                continue;
            }
            try {
                Applied applied = optimization.apply(current);
                current = applied.project();
                notes.addAll(applied.notes());
            } catch (RuntimeException e) {
                notes.add(new ChangeNote(optimization.id(), 0, NOT_APPLIED + e.getMessage()));
            }
        }
        return new Applied(current, notes);
    }

    /** Every optimization's findings, in canonical order. */
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Optimization optimization : optimizations) {
            try {
                findings.addAll(optimization.findings(project));
            } catch (RuntimeException e) {
                findings.add(Finding.nothingToDo(optimization.id(), "could not be checked: " + e.getMessage()));
            }
        }
        return findings;
    }

    /**
     * The ids a preset stands for: Minimal is every LOW-risk optimization, Maximum every one;
     * neither takes those that need BuildKit, since a preset must build on the classic builder too.
     */
    public Set<String> preset(Preset preset) {
        return optimizations.stream()
                .filter(o -> !o.lintOnly() && !o.needsBuildKit())
                .filter(o -> switch (preset) {
                    case ORIGINAL -> false;
                    case MINIMAL -> o.risk() == Risk.LOW;
                    case MAXIMUM -> true;
                })
                .map(Optimization::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
