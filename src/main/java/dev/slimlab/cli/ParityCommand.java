package dev.slimlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.staging.ParityChecker;
import dev.slimlab.staging.StagingSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slimlab parity ORIGINAL VARIANT}: what a variant lost or changed against the original. */
@Command(
        name = "parity",
        mixinStandardHelpOptions = true,
        description = {"Compare a variant image with the original, with no test to write: ENV, ENTRYPOINT, CMD,"
                + " USER, WORKDIR, ports, volumes and labels; programs on PATH; shared libraries that no longer"
                + " resolve (ldd); the output of version probes (java -version, python3 --version, node --version,"
                + " Rscript --version and yours); packages dropped.",
            "Exit codes: 0 compared (1 with --fail-on when a finding is that severe or worse), 1 the daemon or an"
                + " image could not be reached, 2 bad usage."})
public final class ParityCommand implements Callable<Integer> {

    /** Findings of one kind listed in text output before the rest are counted. */
    static final int SHOWN_PER_KIND = 15;

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    SlimLabCommand root;

    @Parameters(index = "0", paramLabel = "ORIGINAL_IMAGE", description = "The image as it is today.")
    String original;

    @Parameters(index = "1", paramLabel = "VARIANT_IMAGE", description = "The optimized image.")
    String variant;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (grouped, for people) or json (every finding; default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--version-probe", paramLabel = "COMMAND",
            description = "Another command whose output must not change, e.g. 'ffmpeg -version'. Repeatable.")
    List<String> versionProbes = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "high|medium|low",
            description = "Exit 1 when a finding of this severity or worse is found.")
    String failOn;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = null;
        if (failOn != null) {
            try {
                threshold = Severity.valueOf(failOn.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("slimlab parity: --fail-on takes high, medium or low, not '" + failOn + "'");
                return SlimLabCommand.EXIT_USAGE;
            }
        }
        Cancellation cancellation = new Cancellation();
        List<ParityFinding> findings;
        try (CancelOnInterrupt onInterrupt = new CancelOnInterrupt(cancellation);
             ImageEngine engine = root.engines().open()) {
            engine.inspect(original);
            engine.inspect(variant);
            findings = new ParityChecker(engine, StagingSettings.defaults("parity-" + UUID.randomUUID()), versionProbes)
                    .compare(original, variant, cancellation);
        } catch (EngineException e) {
            err.println("slimlab parity: " + e.getMessage());
            return SlimLabCommand.EXIT_FAILURE;
        }
        if (format == Format.json) {
            out.println(json(findings));
        } else {
            out.print(text(findings));
        }
        out.flush();
        Severity worst = threshold;
        boolean fail = worst != null && findings.stream().anyMatch(f -> f.severity().compareTo(worst) <= 0);
        return fail ? SlimLabCommand.EXIT_FAILURE : 0;
    }

    /** {@code {"findings": [{"kind", "severity", "subject", "original", "variant", "message"}]}}. */
    static String json(List<ParityFinding> findings) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("findings");
        for (ParityFinding f : findings) {
            list.addObject().put("kind", f.kind()).put("severity", f.severity().label()).put("subject", f.subject())
                    .put("original", f.original()).put("variant", f.variant()).put("message", f.message());
        }
        return mapper.writeValueAsString(root);
    }

    /** What every finding of a kind says, for kinds that come in long lists. */
    private static final java.util.Map<String, String> SHARED_MESSAGES = java.util.Map.of(
            "executable", "are on the original's PATH and not on the variant's: anything that runs them fails with"
                    + " \"not found\"",
            "package", "are installed in the original and not in the variant");

    private static String wrap(List<String> names) {
        StringBuilder lines = new StringBuilder("  ");
        int width = 2;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) + (i < names.size() - 1 ? ", " : "");
            if (width + name.length() > 100) {
                lines.append("\n  ");
                width = 2;
            }
            lines.append(name);
            width += name.length();
        }
        return lines.append('\n').toString();
    }

    /** Counts by severity, then the findings by severity and kind, long lists cut short. */
    static String text(List<ParityFinding> findings) {
        StringBuilder s = new StringBuilder();
        if (findings.isEmpty()) {
            return "no differences found: the variant matches the original in every check\n";
        }
        s.append(findings.size()).append(" findings:");
        for (Severity severity : Severity.values()) {
            long n = findings.stream().filter(f -> f.severity() == severity).count();
            if (n > 0) {
                s.append(' ').append(n).append(' ').append(severity.label());
            }
        }
        s.append('\n');
        for (Severity severity : Severity.values()) {
            List<ParityFinding> ofSeverity = findings.stream().filter(f -> f.severity() == severity).toList();
            ofSeverity.stream().map(ParityFinding::kind).distinct().forEach(kind -> {
                List<ParityFinding> group = ofSeverity.stream().filter(f -> f.kind().equals(kind)).toList();
                s.append('\n').append(severity.name()).append(' ').append(kind).append(" (").append(group.size())
                        .append(")\n");
                String shared = SHARED_MESSAGES.get(kind);
                if (shared != null && group.size() > 3) { // one line of names, and what they have in common
                    s.append(wrap(group.stream().map(ParityFinding::subject).toList())).append("  ").append(shared)
                            .append('\n');
                    return;
                }
                group.stream().limit(SHOWN_PER_KIND).forEach(f -> s.append("  ").append(f.subject()).append(": ")
                        .append(f.message().replace("\n", " ")).append('\n'));
                if (group.size() > SHOWN_PER_KIND) {
                    s.append("  ... and ").append(group.size() - SHOWN_PER_KIND)
                            .append(" more (--format json lists them all)\n");
                }
            });
        }
        return s.toString();
    }
}
