package dev.slimlab.cli;

import dev.slimlab.io.AtomicFiles;
import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.optimize.Applied;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.ChangeNote;
import dev.slimlab.optimize.Optimization;
import dev.slimlab.optimize.Preset;
import dev.slimlab.optimize.Project;
import dev.slimlab.optimize.UnifiedDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slimlab apply}: writes the variant Dockerfile a set of optimizations gives. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Apply optimizations to a Dockerfile. Without --out: the variant Dockerfile on standard",
            "output, the unified diff and the change notes on standard error. With --out DIR:",
            "DIR/Dockerfile (and DIR/.dockerignore where proposed), DIR/Dockerfile.diff and DIR/CHANGES.txt."})
public final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile ('-' reads standard input).")
    String file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--optimizations", paramLabel = "ID", split = ",",
                description = "Optimization ids, comma-separated (see 'slimlab lint').")
        List<String> ids;

        @Option(names = "--preset", paramLabel = "PRESET",
                description = "minimal (every low-risk optimization) or maximum (every one).")
        String preset;
    }

    @Option(names = "--out", paramLabel = "DIR", description = "Write the variant into this folder.")
    Path out;

    @Option(names = "--context", paramLabel = "DIR",
            description = "The build context folder (default: the Dockerfile's folder).")
    Path context;

    @Option(names = "--browsers", paramLabel = "NAME", split = ",", defaultValue = "chromium",
            description = "Browsers playwright-chromium-only keeps (default: ${DEFAULT-VALUE}).")
    List<String> browsers;

    @Option(names = "--build-arg", paramLabel = "KEY=VALUE",
            description = "A build argument, for resolving ARG-built base images.")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Catalog catalog = Catalog.standard();
        Set<String> ids;
        try {
            ids = selection.ids != null ? Set.copyOf(selection.ids) : catalog.preset(Preset.parse(selection.preset));
            catalog.requireKnown(ids);
        } catch (IllegalArgumentException e) {
            err.println("slimlab apply: " + e.getMessage());
            return SlimLabCommand.EXIT_USAGE;
        }
        for (String id : ids) {
            Optimization o = catalog.byId(id).orElseThrow();
            if (o.lintOnly()) {
                err.println("slimlab apply: " + id + " is a lint-only check: 'slimlab lint' shows it, nothing applies it");
                return SlimLabCommand.EXIT_USAGE;
            }
        }
        Optional<Dockerfile> dockerfile = DockerfileInput.read("apply", file, err);
        if (dockerfile.isEmpty()) {
            return SlimLabCommand.EXIT_FAILURE;
        }
        Project project = Project.of(dockerfile.get(), DockerfileInput.contextFiles(file, context, err))
                .withPlaywrightBrowsers(browsers).withBuildArgs(buildArgs);
        Applied applied = catalog.apply(ids, project);
        String before = dockerfile.get().print();
        String after = applied.project().dockerfile().print();
        String diff = UnifiedDiff.diff("a/Dockerfile", "b/Dockerfile", before, after);
        StringBuilder notes = new StringBuilder();
        for (ChangeNote note : applied.notes()) {
            notes.append(note).append('\n');
        }
        if (applied.notes().isEmpty()) {
            notes.append("No changes: none of the chosen optimizations applies to this Dockerfile.\n");
        }
        if (out == null) {
            System.out.writeBytes(applied.project().dockerfile().toBytes());
            System.out.flush();
            err.print(diff);
            err.print(notes);
            err.flush();
            return 0;
        }
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("Dockerfile"), applied.project().dockerfile().toBytes());
        for (Map.Entry<String, String> proposed : applied.project().proposedFiles().entrySet()) {
            AtomicFiles.write(out.resolve(proposed.getKey()), proposed.getValue().getBytes(StandardCharsets.UTF_8));
        }
        AtomicFiles.write(out.resolve("Dockerfile.diff"), diff.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(out.resolve("CHANGES.txt"), notes.toString().getBytes(StandardCharsets.UTF_8));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + out.resolve("Dockerfile") + " (" + applied.notes().size() + " changes; see "
                + out.resolve("CHANGES.txt") + ")");
        stdout.flush();
        return 0;
    }
}
