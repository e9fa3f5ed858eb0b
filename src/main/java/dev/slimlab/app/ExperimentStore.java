package dev.slimlab.app;

import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.store.ExperimentFile;
import dev.slimlab.experiment.store.ExperimentFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;

/** Experiment files: where a run's logs go, what an earlier run left in a file, and saving. */
public final class ExperimentStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    public ExperimentResult load(Path file) throws ExperimentFileException {
        return ExperimentFile.load(file);
    }

    /**
     * The whole build logs of a run: beside the experiment file it will be saved to
     * ({@code FILE.logs}), else in SlimLab's data folder under the experiment's id.
     */
    public Path logFolder(Optional<Path> saveTo, String experimentId) {
        return saveTo.map(f -> Path.of(f + ".logs"))
                .orElseGet(() -> DataFolder.root().resolve("logs").resolve(experimentId));
    }

    /**
     * The earlier run of experiment {@code id} saved in {@code file}, if that file holds one; a
     * file of another experiment, or one that cannot be read, is said in {@code notes} and gives
     * nothing (it is not overwritten: see {@link #save}).
     */
    public Optional<ExperimentResult> earlierRun(Path file, String id, Consumer<String> notes) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ExperimentResult previous = ExperimentFile.load(file);
            if (previous.id().equals(id)) {
                return Optional.of(previous);
            }
            notes.accept(file + " held experiment " + previous.id() + "; replacing it with " + id
                    + " (its history is not carried over)");
        } catch (ExperimentFileException e) {
            notes.accept(e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Saves atomically to {@code file} and returns where it went: a file there that is not a
     * readable experiment is kept, and the result saved next to it instead.
     */
    public Path save(ExperimentResult result, Path file, Consumer<String> notes) throws IOException {
        Path target = file;
        if (Files.exists(file)) {
            try {
                ExperimentFile.load(file);
            } catch (ExperimentFileException e) {
                target = Path.of(file + "." + LocalDateTime.now().format(STAMP) + ".json");
                notes.accept("keeping " + file + ", which is not a readable experiment, and saving to " + target);
            }
        }
        ExperimentFile.save(result, target);
        return target;
    }
}
