package dev.slimlab.ui.lab;

import dev.slimlab.app.EngineFactory;
import dev.slimlab.app.ExperimentService;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.ui.support.DialogService;
import dev.slimlab.ui.support.RecentFiles;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Labs for view-model tests: work on the calling thread, recent files in memory, scripted dialogs. */
final class Labs {

    private Labs() {
    }

    static LabViewModel lab(EngineFactory engines) {
        return lab(engines, new ScriptedDialogs());
    }

    static LabViewModel lab(EngineFactory engines, DialogService dialogs) {
        return new LabViewModel(new LabState(new ExperimentService(Catalog.standard(), engines),
                TaskExecutor.immediate()), RecentFiles.inMemory(), dialogs);
    }

    /**
     * Dialogs that answer as told: the file to open, the folder to save in (under the name the
     * lab suggests), yes or no; they remember each question they were asked.
     */
    static final class ScriptedDialogs implements DialogService {
        final List<String> asked = new ArrayList<>();
        boolean answer = true;
        private final Path toOpen;
        private final Path saveIn;

        ScriptedDialogs() {
            this(null, null);
        }

        ScriptedDialogs(Path toOpen, Path saveIn) {
            this.toOpen = toOpen;
            this.saveIn = saveIn;
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, String description, List<String> extensions) {
            return Optional.ofNullable(toOpen);
        }

        @Override
        public Optional<String> askText(String title, String question, String suggestion) {
            asked.add(title + ": " + question);
            return Optional.ofNullable(answer ? suggestion : null);
        }

        @Override
        public boolean confirm(String title, String question, String proceed) {
            asked.add(title + ": " + question);
            return answer;
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, String description,
                                               List<String> extensions) {
            return Optional.ofNullable(saveIn).map(folder -> folder.resolve(suggestedName));
        }
    }
}
