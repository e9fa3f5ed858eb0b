package dev.slimlab.ui.support;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File choosers owned by the app's window; the folder last used is offered next time. */
public final class FxDialogService implements DialogService {

    private final Window owner;
    private File lastFolder;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, List<String> extensions) {
        FileChooser chooser = chooser(title, description, extensions);
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description,
                                           List<String> extensions) {
        FileChooser chooser = chooser(title, description, extensions);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path start) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (start != null && start.toFile().isDirectory()) {
            chooser.setInitialDirectory(start.toFile());
        }
        File folder = chooser.showDialog(owner);
        return folder == null ? Optional.empty() : Optional.of(folder.toPath());
    }

    @Override
    public boolean confirm(String title, String question, String proceed) {
        javafx.scene.control.ButtonType goAhead = new javafx.scene.control.ButtonType(proceed,
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                question, goAhead, javafx.scene.control.ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // long questions wrap whole
        return alert.showAndWait().filter(goAhead::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String question, String suggestion) {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(suggestion);
        ask.initOwner(owner);
        ask.setTitle(title);
        ask.setHeaderText(question);
        return ask.showAndWait();
    }

    private FileChooser chooser(String title, String description, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
