package dev.slimlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slimlab parse}: reads a Dockerfile and shows what SlimLab understood of it. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Parse a Dockerfile: --dump its instructions or --print it back.")
public final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile to parse.")
    String file;

    @Option(names = "--dump", description = "Show the parsed instructions, one per line.")
    boolean dump;

    @Option(names = "--print", description = "Print the Dockerfile back from the parsed model.")
    boolean print;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("slimlab parse: not implemented yet");
        return 2;
    }
}
