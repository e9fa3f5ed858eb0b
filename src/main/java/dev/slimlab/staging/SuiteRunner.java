package dev.slimlab.staging;

import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.ContainerRun;
import dev.slimlab.engine.api.ContainerSpec;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageDetails;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.engine.api.ImageFile;
import dev.slimlab.experiment.TestOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a container-structure-test suite against an image, with container-structure-test's
 * semantics: each command test in a fresh container with the image's entrypoint cleared (setup
 * commands first, each committed for the next, teardown after), regular expressions searched
 * anywhere in the output, files read from the image's filesystem without running it, metadata
 * from the image configuration. A test that cannot run is an error, and never stops the others.
 */
public final class SuiteRunner {

    /** The most of a file a content test reads. */
    static final int MAX_FILE_BYTES = 16 << 20;
    private static final int MAX_SYMLINK_HOPS = 8;
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private final ImageEngine engine;
    private final StagingSettings settings;

    public SuiteRunner(ImageEngine engine, StagingSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** Every test of the suite, in the suite's order by kind; stops early only when cancelled. */
    public List<TestOutcome> run(StructureTestSuite suite, String image, Cancellation cancellation) {
        List<TestOutcome> outcomes = new ArrayList<>();
        Map<String, String> imageEnv = environmentOf(image);
        for (CommandTest test : suite.commandTests()) {
            if (cancellation.isCancelled()) {
                return outcomes;
            }
            outcomes.add(timed("command", test.name(), () -> command(test, image, imageEnv, cancellation)));
        }
        for (FileExistenceTest test : suite.fileExistenceTests()) {
            if (cancellation.isCancelled()) {
                return outcomes;
            }
            outcomes.add(timed("fileExistence", test.name(), () -> fileExistence(test, image)));
        }
        for (FileContentTest test : suite.fileContentTests()) {
            if (cancellation.isCancelled()) {
                return outcomes;
            }
            outcomes.add(timed("fileContent", test.name(), () -> fileContent(test, image)));
        }
        if (suite.metadataTest().isPresent() && !cancellation.isCancelled()) {
            outcomes.add(timed("metadata", "Metadata Test", () -> metadata(suite.metadataTest().get(), image)));
        }
        for (HttpProbe probe : suite.httpProbes()) {
            if (cancellation.isCancelled()) {
                return outcomes;
            }
            outcomes.addAll(new HttpProbeRunner(engine, settings).run(probe, image, imageEnv, cancellation));
        }
        return outcomes;
    }

    /** What a check found: the reasons it failed (none when it passed) and the output to show. */
    record Verdict(List<String> failures, String output, boolean error) {
        static Verdict of(List<String> failures, String output) {
            return new Verdict(failures, output, false);
        }

        static Verdict error(String why, String output) {
            return new Verdict(List.of(why), output, true);
        }
    }

    private interface Check {
        Verdict run() throws EngineException;
    }

    private static TestOutcome timed(String kind, String name, Check check) {
        long start = System.nanoTime();
        Verdict verdict;
        try {
            verdict = check.run();
        } catch (EngineException e) {
            verdict = Verdict.error(e.getMessage(), "");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TestOutcome.Status status = verdict.error() ? TestOutcome.Status.ERROR
                : verdict.failures().isEmpty() ? TestOutcome.Status.PASSED : TestOutcome.Status.FAILED;
        return new TestOutcome(kind, name, status, seconds, String.join("\n", verdict.failures()), verdict.output());
    }

    // ---- command tests

    private Verdict command(CommandTest test, String image, Map<String, String> imageEnv, Cancellation cancellation)
            throws EngineException {
        List<String> env = expand(test.envVars(), imageEnv);
        List<String> committed = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        try {
            String current = image;
            for (List<String> setup : test.setup()) {
                ContainerRun run = engine.run(spec(current, setup, env).committing(), cancellation);
                run.committedImage().ifPresent(committed::add);
                log.append("$ ").append(String.join(" ", setup)).append('\n').append(run.stdout()).append(run.stderr());
                if (!run.exited() || run.exitCode() != 0) {
                    return Verdict.error("setup command `" + String.join(" ", setup) + "` " + ended(run), log.toString());
                }
                current = run.committedImage().orElseThrow();
            }
            List<String> words = new ArrayList<>();
            words.add(test.command());
            words.addAll(test.args());
            ContainerSpec spec = spec(current, words, env);
            ContainerRun run = engine.run(test.teardown().isEmpty() ? spec : spec.committing(), cancellation);
            log.append(run.stdout());
            if (!run.stderr().isEmpty()) {
                log.append(run.stdout().isEmpty() || run.stdout().endsWith("\n") ? "" : "\n")
                        .append("[stderr]\n").append(run.stderr());
            }
            if (run.ending() == ContainerRun.Ending.CANCELLED) {
                return Verdict.error("cancelled", log.toString());
            }
            List<String> failures = new ArrayList<>();
            if (run.ending() == ContainerRun.Ending.TIMED_OUT) {
                failures.add("did not finish within " + settings.testTimeout().toSeconds() + " s");
            } else if (run.exitCode() != test.exitCode()) {
                failures.add("exit code " + run.exitCode() + ", expected " + test.exitCode());
            }
            expectations(failures, "output", run.stdout(), test.expectedOutput(), test.excludedOutput());
            expectations(failures, "error", run.stderr(), test.expectedError(), test.excludedError());
            run.committedImage().ifPresent(committed::add);
            if (run.committedImage().isPresent()) {
                current = run.committedImage().get();
                for (List<String> teardown : test.teardown()) {
                    ContainerRun down = engine.run(spec(current, teardown, env), cancellation);
                    if (!down.exited() || down.exitCode() != 0) {
                        failures.add("teardown command `" + String.join(" ", teardown) + "` " + ended(down));
                    }
                }
            }
            return Verdict.of(failures, log.toString());
        } finally {
            for (int i = committed.size() - 1; i >= 0; i--) { // children before their parents
                engine.removeImage(committed.get(i));
            }
        }
    }

    private ContainerSpec spec(String image, List<String> command, List<String> env) {
        return settings.container(image).withCommand(command).withEnv(env);
    }

    private String ended(ContainerRun run) {
        return switch (run.ending()) {
            case EXITED -> "exited with " + run.exitCode() + (run.stderr().isBlank() ? "" : ": " + run.stderr().strip());
            case TIMED_OUT -> "did not finish within " + settings.testTimeout().toSeconds() + " s";
            case CANCELLED -> "was cancelled";
        };
    }

    /** Test variables, with $VAR and ${VAR} taken from the image (and earlier test variables). */
    static List<String> expand(List<EnvVar> vars, Map<String, String> imageEnv) {
        Map<String, String> known = new LinkedHashMap<>(imageEnv);
        List<String> env = new ArrayList<>();
        for (EnvVar v : vars) {
            Matcher m = VARIABLE.matcher(v.value());
            StringBuilder value = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                m.appendReplacement(value, Matcher.quoteReplacement(known.getOrDefault(name, "")));
            }
            m.appendTail(value);
            known.put(v.key(), value.toString());
            env.add(v.key() + "=" + value);
        }
        return env;
    }

    private static void expectations(List<String> failures, String stream, String text, List<String> expected,
                                     List<String> excluded) {
        for (String regex : expected) {
            if (!Pattern.compile(regex).matcher(text).find()) {
                failures.add("expected " + stream + " to match /" + regex + "/, it does not");
            }
        }
        for (String regex : excluded) {
            Matcher m = Pattern.compile(regex).matcher(text);
            if (m.find()) {
                failures.add("excluded " + stream + " /" + regex + "/ found: \"" + m.group() + '"');
            }
        }
    }

    // ---- files

    private Verdict fileExistence(FileExistenceTest test, String image) throws EngineException {
        Optional<ImageFile> found = engine.readFile(image, test.path(), 0, settings.labels());
        List<String> failures = new ArrayList<>();
        if (found.isEmpty()) {
            if (test.shouldExist()) {
                failures.add(test.path() + " does not exist");
            }
            return Verdict.of(failures, "");
        }
        ImageFile file = found.get();
        String actual = GoFileMode.format(file.type(), file.mode());
        String description = test.path() + ": " + actual + " " + file.uid() + ":" + file.gid()
                + (file.isSymlink() ? " -> " + file.linkTarget() : "");
        if (!test.shouldExist()) {
            failures.add(test.path() + " exists, and should not");
        }
        test.permissions().filter(expected -> !expected.equals(actual))
                .ifPresent(expected -> failures.add("permissions are " + actual + ", expected " + expected));
        test.uid().filter(uid -> uid != file.uid())
                .ifPresent(uid -> failures.add("owner uid is " + file.uid() + ", expected " + uid));
        test.gid().filter(gid -> gid != file.gid())
                .ifPresent(gid -> failures.add("group gid is " + file.gid() + ", expected " + gid));
        test.isExecutableBy().filter(who -> !GoFileMode.executableBy(file.mode(), who))
                .ifPresent(who -> failures.add("not executable by " + who + " (" + actual + ")"));
        return Verdict.of(failures, description);
    }

    private Verdict fileContent(FileContentTest test, String image) throws EngineException {
        Optional<ImageFile> found = readFollowingLinks(image, test.path());
        if (found.isEmpty()) {
            return Verdict.of(List.of(test.path() + " does not exist"), "");
        }
        ImageFile file = found.get();
        if (file.type() != '-') {
            return Verdict.of(List.of(test.path() + " is not a regular file ("
                    + GoFileMode.format(file.type(), file.mode()) + ")"), "");
        }
        String text = file.text();
        List<String> failures = new ArrayList<>();
        for (String regex : test.expectedContents()) {
            if (!Pattern.compile(regex).matcher(text).find()) {
                failures.add("expected contents to match /" + regex + "/, they do not");
            }
        }
        for (String regex : test.excludedContents()) {
            Matcher m = Pattern.compile(regex).matcher(text);
            if (m.find()) {
                failures.add("excluded contents /" + regex + "/ found: \"" + m.group() + '"');
            }
        }
        if (file.size() > MAX_FILE_BYTES) {
            failures.add("only the first " + MAX_FILE_BYTES + " bytes of " + file.size() + " were checked");
        }
        return Verdict.of(failures, text);
    }

    private Optional<ImageFile> readFollowingLinks(String image, String path) throws EngineException {
        String current = path;
        for (int hop = 0; hop <= MAX_SYMLINK_HOPS; hop++) {
            Optional<ImageFile> file = engine.readFile(image, current, MAX_FILE_BYTES, settings.labels());
            if (file.isEmpty() || !file.get().isSymlink()) {
                return file;
            }
            String target = file.get().linkTarget();
            current = target.startsWith("/") ? target
                    : current.substring(0, current.lastIndexOf('/') + 1) + target;
        }
        throw new EngineException(path + ": more than " + MAX_SYMLINK_HOPS + " symbolic links to follow");
    }

    // ---- metadata

    private Verdict metadata(MetadataTest test, String image) throws EngineException {
        ImageDetails details = engine.inspect(image);
        Map<String, String> env = environment(details);
        List<String> failures = new ArrayList<>();
        for (EnvVar expected : test.envVars()) {
            String actual = env.get(expected.key());
            if (actual == null) {
                failures.add("ENV " + expected.key() + " is not set");
            } else if (!matches(expected.value(), actual, expected.isRegex())) {
                failures.add("ENV " + expected.key() + " is \"" + actual + "\", expected "
                        + (expected.isRegex() ? "a match of /" + expected.value() + "/" : "\"" + expected.value() + '"'));
            }
        }
        for (Label expected : test.labels()) {
            String actual = details.labels().get(expected.key());
            if (actual == null) {
                failures.add("label " + expected.key() + " is not set");
            } else if (!matches(expected.value(), actual, expected.isRegex())) {
                failures.add("label " + expected.key() + " is \"" + actual + "\", expected "
                        + (expected.isRegex() ? "a match of /" + expected.value() + "/" : "\"" + expected.value() + '"'));
            }
        }
        for (String port : test.exposedPorts()) {
            if (!exposes(details, port)) {
                failures.add("port " + port + " is not exposed (exposed: " + details.exposedPorts() + ")");
            }
        }
        for (String port : test.unexposedPorts()) {
            if (exposes(details, port)) {
                failures.add("port " + port + " is exposed, and should not be");
            }
        }
        for (String volume : test.volumes()) {
            if (!details.volumes().contains(volume)) {
                failures.add("volume " + volume + " is not declared (volumes: " + details.volumes() + ")");
            }
        }
        test.entrypoint().filter(expected -> !expected.equals(details.entrypoint())).ifPresent(expected ->
                failures.add("entrypoint is " + details.entrypoint() + ", expected " + expected));
        test.cmd().filter(expected -> !expected.equals(details.cmd())).ifPresent(expected ->
                failures.add("cmd is " + details.cmd() + ", expected " + expected));
        test.workdir().filter(expected -> !expected.equals(details.workingDir())).ifPresent(expected ->
                failures.add("workdir is \"" + details.workingDir() + "\", expected \"" + expected + '"'));
        test.user().filter(expected -> !expected.equals(details.user())).ifPresent(expected ->
                failures.add("user is \"" + details.user() + "\", expected \"" + expected + '"'));
        return Verdict.of(failures, "");
    }

    private static boolean matches(String expected, String actual, boolean isRegex) {
        return isRegex ? Pattern.compile(expected).matcher(actual).find() : expected.equals(actual);
    }

    /** container-structure-test compares ports without their protocol: "8080" matches 8080/tcp. */
    private static boolean exposes(ImageDetails details, String port) {
        return details.exposedPorts().stream()
                .anyMatch(p -> p.equals(port) || p.substring(0, p.indexOf('/') < 0 ? p.length() : p.indexOf('/')).equals(port));
    }

    /** The image's ENV; empty when it cannot be read (each test then says why it cannot run). */
    private Map<String, String> environmentOf(String image) {
        try {
            return environment(engine.inspect(image));
        } catch (EngineException e) {
            return Map.of();
        }
    }

    /** The image's ENV as a map, in order. */
    static Map<String, String> environment(ImageDetails details) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : details.env()) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return env;
    }
}
