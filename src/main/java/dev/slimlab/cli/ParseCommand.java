package dev.slimlab.cli;

import dev.slimlab.dockerfile.AstDump;
import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.ResolvedStage;
import dev.slimlab.dockerfile.ShellLex;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.Variables;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slimlab parse}: reads a Dockerfile and shows what SlimLab understood of it. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Parse a Dockerfile as BuildKit (docker build) reads it.",
            "Without an option: a summary of its stages. A file BuildKit would reject exits 1",
            "with a message naming the line."})
public final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile to parse ('-' reads standard input).")
    String file;

    @ArgGroup(exclusive = true)
    Output output = new Output();

    static final class Output {
        @Option(names = "--dump", description = "Print BuildKit's AST dump: one line per instruction.")
        boolean dump;

        @Option(names = "--print", description = "Print the file back from the parsed model, byte for byte.")
        boolean print;
    }

    @Override
    public Integer call() {
        Optional<Dockerfile> parsed = DockerfileInput.read("parse", file, spec.commandLine().getErr());
        if (parsed.isEmpty()) {
            return SlimLabCommand.EXIT_FAILURE;
        }
        Dockerfile dockerfile = parsed.get();
        PrintStream out = System.out;
        if (output.dump) {
            out.writeBytes(AstDump.dump(dockerfile).getBytes(StandardCharsets.UTF_8));
        } else if (output.print) {
            out.writeBytes(dockerfile.toBytes());
        } else {
            out.writeBytes(summary(dockerfile).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        return 0;
    }

    /** Stages with their base images, resolved with the ARG defaults where they use variables. */
    private static String summary(Dockerfile dockerfile) {
        List<ResolvedStage> resolved;
        try {
            resolved = Variables.resolve(dockerfile, Map.of());
        } catch (ShellLex.ExpansionException e) {
            resolved = List.of();
        }
        StringBuilder s = new StringBuilder();
        s.append(dockerfile.instructions().size()).append(" instructions, ")
                .append(dockerfile.stages().size()).append(" stages\n");
        for (Stage stage : dockerfile.stages()) {
            s.append("  stage ").append(stage.index());
            stage.name().ifPresent(n -> s.append(" \"").append(n).append('"'));
            s.append(": FROM ").append(stage.baseImage());
            if (stage.index() < resolved.size()) {
                ResolvedStage r = resolved.get(stage.index());
                if (r.baseStage().isPresent()) {
                    s.append(" (stage ").append(r.baseStage().get()).append(')');
                } else if (!r.baseImage().equals(stage.baseImage())) {
                    s.append(" = ").append(r.baseImage());
                }
            }
            s.append(" (line ").append(stage.from().line()).append(", ")
                    .append(stage.instructions().size()).append(" instructions)\n");
        }
        return s.toString();
    }
}
