package dev.slimlab.ui.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** File choosers and messages, behind an interface so that view models stay testable. */
public interface DialogService {

    /** Asks for a file to open, among files matching {@code extensions} (e.g. "*.json"); empty when cancelled. */
    Optional<Path> chooseFileToOpen(String title, String description, List<String> extensions);

    /** Asks for a folder, starting at {@code start}; empty when cancelled. */
    default Optional<Path> chooseFolder(String title, Path start) {
        return Optional.empty();
    }

    /**
     * Asks whether to go ahead with something that loses work ({@code question} says what), with
     * {@code proceed} as the button that goes ahead; false when the user keeps the work.
     */
    boolean confirm(String title, String question, String proceed);

    /** Asks for a line of text ({@code question} says what for), offering {@code suggestion}; empty when cancelled. */
    Optional<String> askText(String title, String question, String suggestion);

    /** Asks where to save, suggesting {@code suggestedName}; empty when cancelled. */
    Optional<Path> chooseFileToSave(String title, String suggestedName, String description, List<String> extensions);
}
