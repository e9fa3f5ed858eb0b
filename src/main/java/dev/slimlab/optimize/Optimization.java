package dev.slimlab.optimize;

import java.util.List;
import java.util.Optional;

/**
 * One size optimization: how it is known and rated, where it applies in a project, and the
 * rewrite. {@link #apply} is pure, deterministic and idempotent: applying it to its own result
 * changes nothing more.
 */
public interface Optimization {

    /** Stable kebab-case id, e.g. {@code apt-no-install-recommends}. */
    String id();

    String title();

    Category category();

    Risk risk();

    /** Why it has that risk: what it can break. */
    String riskRationale();

    /** The hadolint rule it matches, e.g. {@code DL3015}. */
    Optional<String> hadolint();

    /** Lint-only: shown as a finding, never applied by a preset. */
    default boolean lintOnly() {
        return false;
    }

    /** True if its rewrite uses syntax only BuildKit builds. */
    default boolean needsBuildKit() {
        return false;
    }

    /** Where it applies, or why it does not (at least one finding when nothing applies). */
    List<Finding> findings(Project project);

    /** True if at least one finding says it applies. */
    default boolean appliesTo(Project project) {
        return findings(project).stream().anyMatch(Finding::applies);
    }

    /** The rewritten project with a note per change; unchanged (no notes) where it does not apply. */
    Applied apply(Project project);

    /** The lesson: what it does, why it saves space, what can break, how to verify (Markdown). */
    default String lesson() {
        return Lessons.of(id());
    }
}
