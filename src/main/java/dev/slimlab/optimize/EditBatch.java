package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The edits an optimization makes at its sites, applied with one editor of the project's
 * Dockerfile. Should a site's edits fail (overlap another's, or give a file that does not
 * parse), that site is left out and the others are still made: applying never throws.
 */
final class EditBatch {

    /** The edits of one site and the notes that describe them; made together or not at all. */
    record Change(Consumer<DockerfileEditor> edits, List<ChangeNote> notes) {

        Change {
            notes = List.copyOf(notes);
        }
    }

    private EditBatch() {
    }

    static Applied apply(Project project, List<Change> changes) {
        if (changes.isEmpty()) {
            return Applied.unchanged(project);
        }
        Dockerfile dockerfile = project.dockerfile();
        try {
            return applied(project, changes, edit(dockerfile, changes));
        } catch (RuntimeException e) {
            // some site's edits fail: keep the sites that work, in order
        }
        List<Change> kept = new ArrayList<>();
        for (Change change : changes) {
            List<Change> trial = new ArrayList<>(kept);
            trial.add(change);
            try {
                edit(dockerfile, trial);
                kept.add(change);
            } catch (RuntimeException e) {
                // skip this site
            }
        }
        if (kept.isEmpty()) {
            return Applied.unchanged(project);
        }
        return applied(project, kept, edit(dockerfile, kept));
    }

    private static Dockerfile edit(Dockerfile dockerfile, List<Change> changes) {
        DockerfileEditor editor = dockerfile.editor();
        for (Change change : changes) {
            change.edits().accept(editor);
        }
        return editor.apply();
    }

    private static Applied applied(Project project, List<Change> changes, Dockerfile result) {
        if (result.print().equals(project.dockerfile().print())) {
            return Applied.unchanged(project);
        }
        List<ChangeNote> notes = new ArrayList<>();
        changes.forEach(c -> notes.addAll(c.notes()));
        return new Applied(project.withDockerfile(result), notes);
    }
}
