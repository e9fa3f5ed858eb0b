package dev.slimlab.app;

import dev.slimlab.experiment.ExperimentResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * One run of an experiment.
 *
 * @param setup       what to build and check
 * @param previous    the run before it, whose finished results this run keeps where it does not
 *                    finish its own; empty means the one saved in {@code saveTo}, if any
 * @param carriedOver variants of {@code previous} that this run does not build but keeps (the
 *                    lab's other variants when it builds only one)
 * @param saveTo      the experiment file to save to (its history grows by this run), if any
 */
public record RunRequest(ExperimentSetup setup, Optional<ExperimentResult> previous, Set<String> carriedOver,
                         Optional<Path> saveTo) {

    public RunRequest {
        carriedOver = Set.copyOf(carriedOver);
    }

    public static RunRequest of(ExperimentSetup setup) {
        return new RunRequest(setup, Optional.empty(), Set.of(), Optional.empty());
    }

    public RunRequest after(ExperimentResult earlier, Set<String> keep) {
        return new RunRequest(setup, Optional.ofNullable(earlier), keep, saveTo);
    }

    public RunRequest savingTo(Path file) {
        return new RunRequest(setup, previous, carriedOver, Optional.ofNullable(file));
    }
}
