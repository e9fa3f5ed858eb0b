package dev.slimlab.cli;

import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.experiment.ExperimentRunner;
import dev.slimlab.staging.StagingSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slimlab clean}: removes the images and containers SlimLab made. */
@Command(
        name = "clean",
        mixinStandardHelpOptions = true,
        description = "Remove every image and container SlimLab labelled (of one experiment, or all).")
public final class CleanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SlimLabCommand root;

    @Option(names = "--experiment", paramLabel = "ID", description = "Only this experiment's images.")
    String experiment;

    @Override
    public Integer call() {
        try (ImageEngine engine = root.engines().open()) {
            int removed = engine.removeLabelled(ExperimentRunner.EXPERIMENT_LABEL, experiment);
            if (experiment == null) { // also what an interrupted `slimlab test` or `parity` left behind
                removed += engine.removeLabelled(StagingSettings.LABEL, null);
            }
            spec.commandLine().getOut().println("removed " + removed + " image" + (removed == 1 ? "" : "s")
                    + (experiment == null ? " made by SlimLab" : " of experiment " + experiment));
            return 0;
        } catch (EngineException e) {
            spec.commandLine().getErr().println("slimlab clean: " + e.getMessage());
            return SlimLabCommand.EXIT_FAILURE;
        }
    }
}
