package dev.slimlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.optimize.Catalog;
import dev.slimlab.optimize.Finding;
import dev.slimlab.optimize.Optimization;
import dev.slimlab.optimize.Project;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slimlab lint}: where each optimization applies in a Dockerfile, and the lint-only findings. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {
            "Show where each optimization applies in a Dockerfile (and lint-only findings such as",
            "unpinned bases, ADD for local files, secrets in ENV). Exits 0 whatever it finds."})
public final class LintCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Dockerfile ('-' reads standard input).")
    String file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--context", paramLabel = "DIR",
            description = "The build context folder (default: the Dockerfile's folder).")
    Path context;

    @Option(names = "--all", description = "Also show where optimizations do not apply, and why.")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Dockerfile> dockerfile = DockerfileInput.read("lint", file, err);
        if (dockerfile.isEmpty()) {
            return SlimLabCommand.EXIT_FAILURE;
        }
        Catalog catalog = Catalog.standard();
        Project project = Project.of(dockerfile.get(), DockerfileInput.contextFiles(file, context, err));
        List<Finding> findings = catalog.findings(project).stream().filter(f -> all || f.applies()).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(catalog, findings));
        } else {
            text(catalog, findings, out);
        }
        out.flush();
        return 0;
    }

    private void text(Catalog catalog, List<Finding> findings, PrintWriter out) {
        int applicable = 0;
        for (Finding f : findings) {
            Optimization o = catalog.byId(f.optimizationId()).orElseThrow();
            String where = f.line() > 0 ? file + ":" + f.line() : file;
            String rule = o.hadolint().map(h -> ", " + h).orElse("");
            String kind = f.applies() ? o.risk() + rule + (o.lintOnly() ? ", lint" : "") : "does not apply";
            out.println(where + ": " + o.id() + " (" + kind + "): " + f.message());
            if (!f.excerpt().isEmpty()) {
                out.println("    " + f.excerpt().strip().replace("\n", "\n    "));
            }
            if (f.applies()) {
                applicable++;
            }
        }
        out.println(applicable == 0 ? "No findings."
                : applicable + " finding" + (applicable == 1 ? "" : "s")
                        + ". Try: slimlab apply " + file + " --preset minimal");
    }

    private String json(Catalog catalog, List<Finding> findings) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            Optimization o = catalog.byId(f.optimizationId()).orElseThrow();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", o.id());
            entry.put("line", f.line());
            entry.put("risk", o.risk().name());
            entry.put("hadolint", o.hadolint().orElse(null));
            entry.put("message", f.message());
            if (!f.applies()) {
                entry.put("applies", false);
            }
            list.add(entry);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file);
        root.put("findings", list);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
