package dev.slimlab.optimize;

import java.util.List;

/** The result of applying optimizations: the rewritten project and what changed. */
public record Applied(Project project, List<ChangeNote> notes) {

    public Applied {
        notes = List.copyOf(notes);
    }

    public static Applied unchanged(Project project) {
        return new Applied(project, List.of());
    }

    public boolean changed() {
        return !notes.isEmpty();
    }
}
