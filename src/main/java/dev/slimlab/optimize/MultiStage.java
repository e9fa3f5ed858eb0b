package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import dev.slimlab.dockerfile.Flag;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ResolvedStage;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.TextRange;
import dev.slimlab.dockerfile.Variables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits a single-stage build whose build-only work is recognisable into a builder stage and a
 * runtime stage that copies only the results. Three patterns are known:
 * <ul>
 *   <li>Python: {@code pip install} runs in the builder with {@code --prefix=/install}; the runtime
 *       stage (same base image) copies {@code /install} to {@code /usr/local} and installs no
 *       compilers or {@code -dev} packages. Commands after the pip install in its RUN (such as
 *       {@code playwright install}) use the installed packages, so they run in the runtime stage.</li>
 *   <li>Node: {@code npm ci}/{@code yarn install} and {@code npm run build} run in the builder; the
 *       runtime stage installs production dependencies only and copies the build output.</li>
 *   <li>Java: {@code mvn package}/{@code gradle build} run in the builder; the runtime stage is
 *       {@code eclipse-temurin:<major>-jre} with the jar the CMD runs.</li>
 * </ul>
 * Anything SlimLab cannot place with confidence makes it not applicable, with the reason.
 */
final class MultiStage extends BaseOptimization {

    private static final String PREFIX = "/install";
    private static final Set<String> KNOWN_INSTRUCTIONS = Set.of("from", "run", "cmd", "label", "maintainer", "expose",
            "env", "add", "copy", "entrypoint", "volume", "user", "workdir", "arg", "onbuild", "stopsignal",
            "healthcheck", "shell");

    MultiStage() {
        super("multi-stage", "Build in a builder stage, run from a lean runtime stage", Category.LAYERS, Risk.HIGH,
                "Only what the runtime stage copies reaches the image: anything the app used from the build "
                        + "steps is gone (shared libraries that came with -dev packages, R or system libraries "
                        + "installed next to the pip packages, files outside the build output folder), and a "
                        + "Java app runs on a different JDK build (the Temurin JRE). Build it and run the staging "
                        + "tests before trusting it.",
                null);
    }

    // ---- the optimization ----------------------------------------------------------------------

    @Override
    public List<Finding> findings(Project project) {
        return List.of(outcome(project).finding());
    }

    @Override
    public Applied apply(Project project) {
        return outcome(project).applied();
    }

    private record Outcome(Finding finding, Applied applied) {
    }

    private Outcome outcome(Project project) {
        try {
            Detection detection = detect(project);
            if (detection instanceof Plan plan) {
                Dockerfile result = plan.split().apply();
                Instruction from = project.dockerfile().stages().get(0).from();
                return new Outcome(Finding.applies(id(), from.line(), from.logicalLine().strip(), plan.message()),
                        new Applied(project.withDockerfile(result), plan.notes().stream()
                                .sorted(Comparator.comparingInt(ChangeNote::line)).toList()));
            }
            Finding finding = detection instanceof Rejected r
                    ? Finding.notApplicable(id(), r.line(), r.excerpt(), r.reason())
                    : Finding.nothingToDo(id(), ((Absent) detection).reason());
            return new Outcome(finding, Applied.unchanged(project));
        } catch (RuntimeException | DockerfileSyntaxException e) {
            return new Outcome(Finding.nothingToDo(id(), "the rewrite failed, so the file is left as it is: "
                    + e.getMessage()), Applied.unchanged(project));
        }
    }

    /** What was found: nothing to work on, a build SlimLab will not split (and why), or the split. */
    private sealed interface Detection permits Absent, Rejected, Plan {
    }

    private record Absent(String reason) implements Detection {
    }

    private record Rejected(int line, String excerpt, String reason) implements Detection {
    }

    private record Plan(String message, StageSplit split, List<ChangeNote> notes) implements Detection {
    }

    private Detection detect(Project project) {
        Dockerfile dockerfile = project.dockerfile();
        if (dockerfile.escape() == '`') {
            return new Absent("the file sets # escape=` (a Windows image): the rewrite only knows Linux "
                    + "shells and paths");
        }
        List<Stage> stages = dockerfile.stages();
        if (stages.isEmpty()) {
            return new Absent("no FROM: there is no stage to split");
        }
        if (stages.size() > 1) {
            Instruction second = stages.get(1).from();
            return new Rejected(second.line(), second.logicalLine().strip(), "already multi-stage ("
                    + stages.size() + " stages): only a single-stage build is split");
        }
        Ctx ctx = new Ctx(project, stages.get(0));
        String lower = ctx.image.toLowerCase(Locale.ROOT);
        if (lower.contains("windowsservercore") || lower.contains("nanoserver") || lower.contains("/windows/")) {
            return new Absent("the base image " + ctx.image + " is a Windows image: the rewrite only knows Linux "
                    + "shells and paths");
        }
        List<Detection> found = new ArrayList<>();
        List<String> toolchains = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        List<Detection> detections = List.of(python(ctx), node(ctx), java(ctx));
        List<String> names = List.of("pip", "npm/yarn", "Maven/Gradle");
        for (int k = 0; k < detections.size(); k++) {
            Detection d = detections.get(k);
            if (d instanceof Absent a) {
                if (a.reason() != null) {
                    hints.add(a.reason());
                }
            } else {
                found.add(d);
                toolchains.add(names.get(k));
            }
        }
        if (found.size() > 1) {
            return new Rejected(ctx.stage.from().line(), ctx.stage.from().logicalLine().strip(),
                    "the stage builds with more than one toolchain (" + String.join(", ", toolchains)
                            + "): SlimLab splits one toolchain per stage");
        }
        if (found.size() == 1) {
            if (found.get(0) instanceof Plan) {
                for (Instruction i : ctx.body) {
                    if (!KNOWN_INSTRUCTIONS.contains(i.name())) {
                        return new Rejected(i.line(), i.logicalLine().strip(), i.keyword() + " is not a Dockerfile "
                                + "instruction SlimLab knows (a custom frontend expands it): what it adds cannot be "
                                + "placed in a builder or a runtime stage");
                    }
                }
            }
            return found.get(0);
        }
        if (!hints.isEmpty()) {
            return new Absent(String.join("; ", hints));
        }
        return new Absent("no recognised build step (pip install; npm ci or yarn install then npm run build; "
                + "mvn package or gradle build with java -jar): nothing to move into a builder stage");
    }

    // ---- what the stage holds --------------------------------------------------------------------

    /** A command of a RUN, with the script it belongs to (for edits). */
    private record Cmd(RunScript run, ShellCommand command) {
        String excerpt() {
            return run.excerpt(command);
        }
    }

    /** The single stage, with what every pattern asks of it. */
    private static final class Ctx {
        final Project project;
        final Dockerfile dockerfile;
        final Stage stage;
        final List<Instruction> body;
        final String image;
        final Map<Instruction, List<RunScript>> scripts = new IdentityHashMap<>();
        /** The working directory each instruction runs in, and whether a WORKDIR of the stage set it. */
        final List<String> workdirs = new ArrayList<>();
        final List<Boolean> workdirSet = new ArrayList<>();

        Ctx(Project project, Stage stage) {
            this.project = project;
            this.dockerfile = project.dockerfile();
            this.stage = stage;
            this.body = stage.instructions();
            String resolved = stage.baseImage();
            try {
                List<ResolvedStage> all = Variables.resolve(dockerfile, project.buildArgs());
                resolved = all.get(0).baseImage();
            } catch (Exception e) {
                // keep the image as written
            }
            this.image = resolved;
            for (RunScript run : RunScript.of(dockerfile)) {
                scripts.computeIfAbsent(run.instruction(), k -> new ArrayList<>()).add(run);
            }
            String workdir = "/";
            boolean set = false;
            for (Instruction i : body) {
                workdirs.add(workdir);
                workdirSet.add(set);
                if (i.is("workdir") && !i.args().isEmpty()) {
                    workdir = resolve(workdir, unquote(i.args().get(0)));
                    set = true;
                }
            }
            workdirs.add(workdir);
            workdirSet.add(set);
        }

        List<Cmd> commands(Instruction run) {
            List<Cmd> out = new ArrayList<>();
            for (RunScript s : scripts.getOrDefault(run, List.of())) {
                for (ShellCommand c : s.script().commands()) {
                    out.add(new Cmd(s, c));
                }
            }
            return out;
        }

        /** The working directory at the end of the stage (where CMD runs). */
        String finalWorkdir() {
            return workdirs.get(body.size());
        }

        boolean finalWorkdirSet() {
            return workdirSet.get(body.size());
        }

        Optional<ImageReference> imageReference() {
            return ImageReference.parse(image);
        }
    }

    // ---- Python ------------------------------------------------------------------------------------

    private static final Set<String> PIP_VALUE_OPTIONS = Set.of("-i", "--index-url", "--extra-index-url", "-f",
            "--find-links", "--trusted-host", "--platform", "--python-version", "--implementation", "--abi", "--src",
            "--upgrade-strategy", "--progress-bar", "--cache-dir", "--log", "--proxy", "--retries", "--timeout",
            "--exists-action", "--cert", "--client-cert", "--global-option", "--install-option", "--config-settings",
            "-C", "--only-binary", "--no-binary", "--report", "--python", "--root-user-action", "--use-feature",
            "--use-deprecated", "--keyring-provider");
    private static final List<String> PIP_FILE_OPTIONS = List.of("-r", "--requirement", "-c", "--constraint");
    private static final List<String> PIP_ELSEWHERE_OPTIONS = List.of("--user", "--target", "-t", "--root",
            "--prefix", "--home", "-e", "--editable");
    private static final Set<String> PIP_TOOLING = Set.of("pip", "setuptools", "wheel");

    /** A pip install: its place, the files it reads and the local projects it installs. */
    private record PipUse(int index, Instruction run, Cmd cmd, ShellWord install, List<String> files,
                          List<String> localPaths, boolean toolingOnly, String elsewhere) {
    }

    private Detection python(Ctx ctx) {
        List<PipUse> uses = new ArrayList<>();
        for (int k = 0; k < ctx.body.size(); k++) {
            Instruction i = ctx.body.get(k);
            for (Cmd cmd : ctx.commands(i)) {
                Optional<ShellWord> install = PipNoCacheDir.pipInstall(cmd.command());
                if (install.isPresent()) {
                    uses.add(pipUse(k, i, cmd, install.get()));
                }
            }
        }
        if (uses.isEmpty()) {
            return new Absent(null);
        }
        PipUse first = uses.get(0);
        String imageName = ctx.imageReference().map(ImageReference::officialName).orElse("");
        if (!imageName.equals("python")) {
            return new Rejected(ctx.stage.from().line(), ctx.stage.from().logicalLine().strip(), "pip install at line "
                    + first.run().line() + ", but the base image " + ctx.image + " is not the official python image: "
                    + "where pip --prefix puts packages and where the interpreter looks for them is not known");
        }
        for (PipUse use : uses) {
            if (use.elsewhere() != null) {
                return new Rejected(use.run().line(), use.cmd().excerpt(), "pip install " + use.elsewhere()
                        + switch (use.elsewhere()) {
                            case "--user" -> " installs into the user's home (~/.local)";
                            case "-e", "--editable" -> " installs in editable mode, pointing at the source folder";
                            default -> " installs into a folder of its own";
                        } + ": SlimLab cannot move it to --prefix=" + PREFIX);
            }
        }
        Optional<Rejected> venv = virtualenv(ctx, uses);
        if (venv.isPresent()) {
            return venv.get();
        }
        if (uses.stream().allMatch(PipUse::toolingOnly)) {
            return new Rejected(first.run().line(), first.cmd().excerpt(),
                    "pip only upgrades pip, setuptools or wheel: nothing is built that a runtime stage could copy");
        }
        Set<Instruction> pipRuns = new LinkedHashSet<>();
        uses.forEach(u -> pipRuns.add(u.run()));
        // Other commands of a pip RUN: after the last pip install they use the installed packages
        // (playwright install, python -m spacy download) and run in the runtime stage only.
        List<Cmd> runtimeOnly = new ArrayList<>();
        for (Instruction run : pipRuns) {
            for (RunScript script : ctx.scripts.getOrDefault(run, List.of())) {
                List<ShellCommand> commands = script.script().commands();
                int lastPip = -1;
                for (int k = 0; k < commands.size(); k++) {
                    if (PipNoCacheDir.pipInstall(commands.get(k)).isPresent()) {
                        lastPip = k;
                    }
                }
                for (int k = 0; k < commands.size(); k++) {
                    ShellCommand c = commands.get(k);
                    if (PipNoCacheDir.pipInstall(c).isPresent() || SystemPackages.isManager(c) || neutral(c)) {
                        continue;
                    }
                    Cmd cmd = new Cmd(script, c);
                    if (lastPip < 0 || k < lastPip) {
                        return new Rejected(run.line(), cmd.excerpt(), "the RUN with pip install also runs `"
                                + cmd.excerpt() + "` before it: SlimLab cannot tell whether the install needs it "
                                + "(give it a RUN of its own)");
                    }
                    runtimeOnly.add(cmd);
                }
            }
        }
        int end = uses.get(uses.size() - 1).index();
        for (PipUse use : uses) {
            Instruction user = null;
            for (int k = 0; k < use.index(); k++) {
                if (ctx.body.get(k).is("user") && !ctx.body.get(k).args().isEmpty()) {
                    user = ctx.body.get(k);
                }
            }
            if (user != null && !isRoot(user.args().get(0))) {
                return new Rejected(use.run().line(), use.cmd().excerpt(), "pip install runs as user "
                        + user.args().get(0) + " (line " + user.line() + "): packages may land in that user's home, "
                        + "not in a prefix the runtime stage can copy");
            }
        }

        PipInputs inputs = pipInputs(ctx, uses);
        if (inputs.rejected() != null) {
            return inputs.rejected();
        }
        Set<Instruction> needed = inputs.copies();
        Set<Instruction> requirementsOnly = inputs.requirementsOnly();

        String builderName = builderName(ctx.stage);
        StageSplit split = new StageSplit(ctx.dockerfile, ctx.stage, builderFrom(ctx.stage, builderName));
        List<ChangeNote> notes = new ArrayList<>();
        List<Integer> builderLines = new ArrayList<>();
        for (int k = 0; k <= end; k++) {
            Instruction i = ctx.body.get(k);
            if (i.is("workdir") || i.is("arg") || i.is("env") || i.is("shell") || i.is("user")) {
                split.toBuilder(i);
            } else if (pipRuns.contains(i)) {
                split.toBuilder(i, StageSplit.edited(ctx.dockerfile, i, editor -> {
                    for (PipUse use : uses) {
                        if (use.run() == i && !use.toolingOnly()) {
                            use.cmd().run().insert(editor, use.install().end(), " --prefix=" + PREFIX);
                        }
                    }
                    for (RunScript script : ctx.scripts.getOrDefault(i, List.of())) {
                        List<ShellCommand> commands = script.script().commands();
                        boolean[] removed = new boolean[commands.size()];
                        for (int c = 0; c < commands.size(); c++) {
                            ShellCommand command = commands.get(c);
                            removed[c] = runtimeOnly.stream().anyMatch(r -> r.command() == command);
                        }
                        removalRanges(script.script(), removed).forEach(range -> script.replace(editor, range, ""));
                    }
                }));
            } else if (i.is("run") && ctx.commands(i).stream().anyMatch(c -> SystemPackages.isManager(c.command()))) {
                split.toBuilder(i);
            } else if (needed.contains(i)) {
                split.toBuilder(i);
            }
            if (split.inBuilder(i)) {
                builderLines.add(i.line());
            }
        }
        notes.add(new ChangeNote(id(), ctx.stage.from().line(), "new builder stage " + builderName + " (FROM "
                + ctx.stage.baseImage() + ") with the instructions the pip install needs: line" + (builderLines.size() > 1 ? "s " : " ")
                + joinLines(builderLines)));

        String copyLine = "COPY --from=" + builderName + " " + PREFIX + " /usr/local";
        Set<String> buildDeps = new LinkedHashSet<>();
        boolean firstPip = true;
        for (Instruction i : ctx.body) {
            if (requirementsOnly.contains(i)) {
                split.dropFromRuntime(i);
                notes.add(new ChangeNote(id(), i.line(), i.logicalLine().strip()
                        + " only in the builder stage: the runtime stage gets the installed packages instead"));
            } else if (pipRuns.contains(i)) {
                RunEdit edit = runtimeRun(ctx, i, c -> PipNoCacheDir.pipInstall(c).isPresent(), true);
                buildDeps.addAll(edit.removedPackages());
                if (firstPip) {
                    if (edit.drop()) {
                        split.replaceInRuntime(i, copyLine);
                    } else {
                        split.insertBeforeInRuntime(i, copyLine);
                        split.replaceInRuntime(i, edit.text());
                    }
                    notes.add(new ChangeNote(id(), i.line(), "pip install --prefix=" + PREFIX + " in the builder "
                            + "stage; the runtime stage has " + copyLine + " instead"
                            + (edit.removedPackages().isEmpty() ? "" : ", without "
                            + String.join(", ", edit.removedPackages()))));
                } else {
                    applyRunEdit(split, i, edit);
                    notes.add(new ChangeNote(id(), i.line(), "pip install only in the builder stage"
                            + (edit.removedPackages().isEmpty() ? "" : "; the runtime stage also drops "
                            + String.join(", ", edit.removedPackages()))));
                }
                firstPip = false;
            } else if (i.is("run")) {
                RunEdit edit = runtimeRun(ctx, i, c -> false, true);
                if (edit.changed()) {
                    buildDeps.addAll(edit.removedPackages());
                    applyRunEdit(split, i, edit);
                    notes.add(new ChangeNote(id(), i.line(), "build deps " + String.join(", ", edit.removedPackages())
                            + " only in the builder stage" + (edit.drop()
                            ? "; the RUN leaves the runtime stage (nothing left to install)" : "")));
                }
            }
        }
        for (Cmd cmd : runtimeOnly) {
            notes.add(new ChangeNote(id(), cmd.run().line(), "`" + cmd.excerpt() + "` runs in the runtime stage only, "
                    + "after the installed packages are copied in"));
        }
        String pipLines = joinLines(pipRuns.stream().map(Instruction::line).toList());
        String message = "Python: pip install (line" + (pipRuns.size() > 1 ? "s " : " ") + pipLines
                + ") moves to a builder stage with --prefix=" + PREFIX + "; the runtime stage (" + ctx.stage.baseImage()
                + ") copies " + PREFIX + " to /usr/local"
                + (buildDeps.isEmpty() ? "" : "; build deps " + String.join(", ", buildDeps)
                + " stay in the builder (a compiled package that links a library of a -dev package needs that "
                + "library installed in the runtime stage)");
        return new Plan(message, split, notes);
    }

    /** The COPY instructions that bring in what the pip installs read, and those that bring nothing else. */
    private record PipInputs(Set<Instruction> copies, Set<Instruction> requirementsOnly, Rejected rejected) {
        static PipInputs rejected(Rejected why) {
            return new PipInputs(Set.of(), Set.of(), why);
        }
    }

    private static PipInputs pipInputs(Ctx ctx, List<PipUse> uses) {
        Set<Instruction> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Instruction> requirementsOnly = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PipUse use : uses) {
            String workdir = ctx.workdirs.get(use.index());
            for (String file : use.files()) {
                if (file.contains("$")) {
                    for (int k = 0; k < use.index(); k++) {
                        if (isContextCopy(ctx.body.get(k))) {
                            needed.add(ctx.body.get(k));
                        }
                    }
                    continue;
                }
                String path = resolve(workdir, file);
                boolean found = false;
                for (int k = 0; k < use.index(); k++) {
                    if (copyProvides(ctx, k, path) > 0) {
                        needed.add(ctx.body.get(k));
                        found = true;
                    }
                }
                if (!found) {
                    return PipInputs.rejected(new Rejected(use.run().line(), use.cmd().excerpt(), "pip install reads "
                            + file + ", but no COPY before it brings that file in: the builder stage could not have it"));
                }
            }
            for (String local : use.localPaths()) {
                String path = resolve(workdir, local);
                boolean found = false;
                for (int k = 0; k < use.index(); k++) {
                    if (copyInto(ctx, k, path)) {
                        needed.add(ctx.body.get(k));
                        found = true;
                    }
                }
                if (!found) {
                    return PipInputs.rejected(new Rejected(use.run().line(), use.cmd().excerpt(), "pip install "
                            + local + " installs a local project, but no COPY before it brings the project in"));
                }
            }
        }
        Set<String> allFiles = new LinkedHashSet<>();
        for (PipUse use : uses) {
            for (String file : use.files()) {
                allFiles.add(resolve(ctx.workdirs.get(use.index()), file));
            }
        }
        for (Instruction copy : needed) {
            int k = ctx.body.indexOf(copy);
            if (uses.stream().allMatch(u -> u.localPaths().stream().noneMatch(l -> copyInto(ctx, k,
                    resolve(ctx.workdirs.get(u.index()), l))))
                    && copyOnlyFiles(ctx, k, allFiles)) {
                requirementsOnly.add(copy);
            }
        }
        return new PipInputs(needed, requirementsOnly, null);
    }

    /** A virtualenv the pip installs go into: its packages live there, not under a prefix SlimLab sets. */
    private static Optional<Rejected> virtualenv(Ctx ctx, List<PipUse> uses) {
        for (PipUse use : uses) {
            String program = use.cmd().command().program().orElse("");
            if (program.contains("/") && !program.startsWith("/usr/")) {
                return Optional.of(new Rejected(use.run().line(), use.cmd().excerpt(), "pip install runs "
                        + program + ", a virtualenv's pip: the runtime stage needs the whole virtualenv copied, "
                        + "which SlimLab does not automate"));
            }
        }
        for (Instruction i : ctx.body) {
            for (Cmd cmd : ctx.commands(i)) {
                List<String> words = cmd.command().commandWords().stream().map(ShellWord::value).toList();
                boolean venv = words.contains("venv") && words.contains("-m") || cmd.command().programName()
                        .map(p -> p.equals("virtualenv")).orElse(false);
                if (venv) {
                    return Optional.of(new Rejected(i.line(), cmd.excerpt(), "pip installs into a virtualenv ("
                            + cmd.excerpt() + "): the runtime stage needs the whole virtualenv copied, which "
                            + "SlimLab does not automate"));
                }
            }
            if (Optimizations.stageSetsEnv(ctx.stage, "VIRTUAL_ENV") && i.is("env")) {
                return Optional.of(new Rejected(i.line(), i.logicalLine().strip(), "VIRTUAL_ENV is set: pip "
                        + "installs into a virtualenv, which the runtime stage would need copied whole"));
            }
        }
        return Optional.empty();
    }

    private static PipUse pipUse(int index, Instruction run, Cmd cmd, ShellWord install) {
        List<ShellWord> words = cmd.command().commandWords();
        int at = words.indexOf(install);
        List<String> files = new ArrayList<>();
        List<String> locals = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        String elsewhere = null;
        for (int k = at + 1; k < words.size(); k++) {
            String w = words.get(k).value();
            String next = k + 1 < words.size() ? words.get(k + 1).value() : null;
            if (w.startsWith("-")) {
                String option = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                String attached = w.contains("=") ? w.substring(w.indexOf('=') + 1) : null;
                if (!w.startsWith("--") && w.length() > 2 && (w.startsWith("-r") || w.startsWith("-c")
                        || w.startsWith("-e") || w.startsWith("-t"))) {
                    option = w.substring(0, 2);
                    attached = w.substring(2);
                }
                if (PIP_ELSEWHERE_OPTIONS.contains(option)) {
                    elsewhere = elsewhere == null ? option : elsewhere;
                    if (attached == null && !option.equals("--user")) {
                        k++;
                    }
                } else if (PIP_FILE_OPTIONS.contains(option)) {
                    String file = attached != null ? attached : next;
                    if (file != null) {
                        files.add(file);
                    }
                    if (attached == null) {
                        k++;
                    }
                } else if (PIP_VALUE_OPTIONS.contains(option) && attached == null) {
                    k++;
                }
            } else if (isLocalPath(w)) {
                locals.add(w);
            } else {
                packages.add(w);
            }
        }
        boolean tooling = files.isEmpty() && locals.isEmpty() && !packages.isEmpty()
                && packages.stream().allMatch(p -> PIP_TOOLING.contains(
                p.split("[<>=!~;\\[ ]", 2)[0].toLowerCase(Locale.ROOT)));
        return new PipUse(index, run, cmd, install, files, locals, tooling, elsewhere);
    }

    private static boolean isLocalPath(String arg) {
        if (arg.contains("://") || arg.contains("@")) {
            return false;
        }
        return arg.startsWith(".") || arg.startsWith("/") || arg.contains("/") || arg.endsWith(".whl")
                || arg.endsWith(".tar.gz") || arg.endsWith(".zip");
    }

    private static boolean isRoot(String user) {
        String u = unquote(user);
        return u.equals("root") || u.equals("0") || u.startsWith("root:") || u.startsWith("0:");
    }

    // ---- Node ----------------------------------------------------------------------------------------

    private static final Set<String> NODE_TOOLS = Set.of("npm", "npx", "yarn", "pnpm", "node", "corepack");
    private static final Set<String> DEV_SERVERS = Set.of("nodemon", "ts-node", "ts-node-dev", "tsx", "vite",
            "webpack-dev-server");
    /** Options that ask for dev dependencies (or production ones, which the runtime install says itself). */
    private static final Set<String> DEV_DEPENDENCY_OPTIONS = Set.of("--include=dev", "--production=false",
            "--production", "--production=true", "--omit=dev", "--only=prod", "--only=production", "--dev");
    private static final Set<String> OUT_DIR_OPTIONS = Set.of("--out-dir", "--outDir", "--outdir", "--output-path",
            "--dist-dir");

    private Detection node(Ctx ctx) {
        Cmd install = null;
        int installIndex = -1;
        Cmd build = null;
        int buildIndex = -1;
        Cmd buildBeforeInstall = null;
        for (int k = 0; k < ctx.body.size() && build == null; k++) {
            for (Cmd cmd : ctx.commands(ctx.body.get(k))) {
                if (install == null && isNodeInstall(cmd.command())) {
                    install = cmd;
                    installIndex = k;
                } else if (isNodeBuild(cmd.command())) {
                    if (install != null) {
                        build = cmd;
                        buildIndex = k;
                        break;
                    }
                    buildBeforeInstall = buildBeforeInstall == null ? cmd : buildBeforeInstall;
                }
            }
        }
        if (install == null) {
            return buildBeforeInstall == null ? new Absent(null)
                    : new Rejected(buildBeforeInstall.run().line(), buildBeforeInstall.excerpt(), "`"
                    + buildBeforeInstall.excerpt() + "` runs without npm ci or yarn install before it: SlimLab "
                    + "cannot tell which dependencies the runtime stage needs");
        }
        if (build == null) {
            return new Absent("`" + install.excerpt() + "` (line " + install.run().line() + ") installs "
                    + "dependencies but nothing is built after it (no npm run build or yarn build): there is no "
                    + "build output to copy into a runtime stage (npm-omit-dev drops dev dependencies instead)");
        }
        boolean yarn = install.command().programName().orElse("").equals("yarn");
        for (Launch launch : launches(ctx)) {
            List<String> w = launch.words();
            String program = basename(w.get(0));
            String script = scriptName(w);
            boolean devServer = DEV_SERVERS.contains(program)
                    || script != null && (script.contains("dev") || script.contains("watch"))
                    || w.size() > 1 && (program.equals("next") || program.equals("nuxt")) && w.get(1).equals("dev")
                    || program.equals("ng") && w.size() > 1 && w.get(1).equals("serve");
            if (devServer) {
                return new Rejected(launch.instruction().line(), launch.instruction().logicalLine().strip(),
                        "the app runs a development server (" + String.join(" ", w) + "): it needs the sources "
                                + "and dev dependencies, not a build output");
            }
        }
        if (!ctx.workdirSet.get(buildIndex)) {
            return new Rejected(build.run().line(), build.excerpt(), "no WORKDIR before the build: where the "
                    + "build output lands depends on the base image, so it cannot be located");
        }
        String workdir = ctx.workdirs.get(buildIndex);

        String outDir = outDir(build.command());
        Optional<Launch> nodeLaunch = launches(ctx).stream()
                .filter(l -> basename(l.words().get(0)).equals("node")).findFirst();
        if (nodeLaunch.isPresent()) {
            String script = nodeScript(nodeLaunch.get().words());
            if (script != null && !script.contains("$")) {
                String path = resolve(ctx.finalWorkdir(), script);
                String relative = relativeTo(workdir, path);
                if (outDir == null && relative != null && relative.contains("/")) {
                    outDir = relative.substring(0, relative.indexOf('/'));
                }
                String out = resolve(workdir, outDir == null ? "dist" : outDir);
                if (!under(path, out) && !copiedAfter(ctx, buildIndex, path)) {
                    return new Rejected(nodeLaunch.get().instruction().line(),
                            nodeLaunch.get().instruction().logicalLine().strip(), "the app runs " + script
                            + ", which is not in the build output " + relativeOrAbsolute(workdir, out)
                            + "/: the build step's outputs cannot be located");
                }
            }
        }
        if (outDir == null) {
            outDir = "dist";
        }

        String builderName = builderName(ctx.stage);
        StageSplit split = new StageSplit(ctx.dockerfile, ctx.stage, builderFrom(ctx.stage, builderName));
        List<ChangeNote> notes = new ArrayList<>();
        for (int k = 0; k <= buildIndex; k++) {
            Instruction i = ctx.body.get(k);
            split.toBuilder(i);
            if (i.is("copy") || i.is("add")) {
                if (copyIntoWorkdir(ctx, k) && !providesLaunchFile(ctx, k)) {
                    split.dropFromRuntime(i);
                    notes.add(new ChangeNote(id(), i.line(), i.logicalLine().strip() + " only in the builder stage"));
                }
            } else if (i.is("run") && ctx.commands(i).stream().anyMatch(c -> usesAny(c.command(), NODE_TOOLS)
                    && !isRuntimeTool(c.command()))) {
                split.dropFromRuntime(i);
                if (i != build.run().instruction()) {
                    notes.add(new ChangeNote(id(), i.line(), i.logicalLine().strip() + " only in the builder stage"));
                }
            }
        }
        Instruction buildRun = build.run().instruction();
        String nl = split.lineEnding();
        String base = workdir.equals("/") ? "" : workdir;
        List<String> manifests = new ArrayList<>();
        if (yarn) {
            manifests.add(base + "/package.json");
            manifests.add(base + (copiedByName(ctx, installIndex, "yarn.lock")
                    || ctx.project.context().contains("yarn.lock") ? "/yarn.lock" : "/yarn.lock*"));
        } else {
            manifests.add(base + "/package*.json");
        }
        for (String rc : List.of(".npmrc", ".yarnrc")) {
            if (copiedByName(ctx, installIndex, rc)) {
                manifests.add(base + "/" + rc);
            }
        }
        String copyManifests = "COPY --from=" + builderName + " " + String.join(" ", manifests) + " ./";
        String installLine = "RUN " + flagsText(install.run().instruction()) + productionInstall(install, yarn);
        String outPath = resolve(workdir, outDir);
        String relativeOut = relativeTo(workdir, outPath);
        String copyOut = "COPY --from=" + builderName + " " + outPath + " "
                + (relativeOut != null && !relativeOut.isEmpty() ? "./" + relativeOut : outPath);
        split.replaceInRuntime(buildRun, copyManifests + nl + installLine + nl + copyOut);
        notes.add(new ChangeNote(id(), ctx.stage.from().line(), "new builder stage " + builderName + " (FROM "
                + ctx.stage.baseImage() + ") with everything up to and including the build (lines "
                + ctx.stage.from().line() + "-" + buildRun.line() + ")"));
        notes.add(new ChangeNote(id(), buildRun.line(), "the build runs in the builder stage; the runtime stage has "
                + copyManifests + ", " + installLine + ", " + copyOut));
        String message = "Node: " + install.excerpt() + " and " + build.excerpt() + " (line" + (installIndex
                == buildIndex ? " " + buildRun.line() : "s " + install.run().line() + ", " + buildRun.line())
                + ") move to a builder stage; the runtime stage (" + ctx.stage.baseImage() + ") installs "
                + "production dependencies only and copies " + relativeOrAbsolute(workdir, outPath)
                + "/ (files copied into " + workdir + " before the build stay in the builder)";
        return new Plan(message, split, notes);
    }

    private static boolean isNodeInstall(ShellCommand c) {
        String program = c.programName().orElse("");
        if (program.equals("npm")) {
            Optional<ShellWord> sub = c.subcommand();
            if (sub.isEmpty() || !Set.of("ci", "install", "i", "clean-install").contains(sub.get().value())) {
                return false;
            }
            boolean global = c.hasArgument("-g") || c.hasArgument("--global");
            boolean packages = c.arguments().stream().anyMatch(w -> !w.value().startsWith("-") && w != sub.get());
            return !global && !packages;
        }
        if (program.equals("yarn")) {
            Optional<ShellWord> sub = c.subcommand();
            return sub.isEmpty() || sub.get().value().equals("install");
        }
        return false;
    }

    /** A global install ({@code npm install -g pm2}) or {@code corepack enable}: tools the app may run with. */
    private static boolean isRuntimeTool(ShellCommand c) {
        String program = c.programName().orElse("");
        String sub = c.subcommand().map(ShellWord::value).orElse("");
        return program.equals("npm") && Set.of("install", "i", "add").contains(sub)
                && (c.hasArgument("-g") || c.hasArgument("--global"))
                || program.equals("yarn") && sub.equals("global")
                || program.equals("corepack");
    }

    private static boolean isNodeBuild(ShellCommand c) {
        String program = c.programName().orElse("");
        List<String> args = c.arguments().stream().map(ShellWord::value).filter(v -> !v.startsWith("-")).toList();
        if (args.isEmpty()) {
            return false;
        }
        if (program.equals("npm")) {
            return (args.get(0).equals("run") || args.get(0).equals("run-script")) && args.size() > 1
                    && args.get(1).startsWith("build");
        }
        if (program.equals("yarn")) {
            return args.get(0).startsWith("build") || args.get(0).equals("run") && args.size() > 1
                    && args.get(1).startsWith("build");
        }
        return false;
    }

    /** The output folder a build command names ({@code -- --outDir build}), or null. */
    private static String outDir(ShellCommand build) {
        List<ShellWord> words = build.arguments();
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k).value();
            int eq = w.indexOf('=');
            String option = eq < 0 ? w : w.substring(0, eq);
            if (OUT_DIR_OPTIONS.contains(option)) {
                String value = eq >= 0 ? w.substring(eq + 1) : k + 1 < words.size() ? words.get(k + 1).value() : null;
                if (value != null && !value.isEmpty() && !value.startsWith("-")) {
                    String v = value.startsWith("./") ? value.substring(2) : value;
                    return v.endsWith("/") && v.length() > 1 ? v.substring(0, v.length() - 1) : v;
                }
            }
        }
        return null;
    }

    /** The npm script a launch command runs ({@code start} for {@code npm start}), or null. */
    private static String scriptName(List<String> words) {
        String program = basename(words.get(0));
        List<String> args = words.subList(1, words.size()).stream().filter(v -> !v.startsWith("-")).toList();
        if (args.isEmpty() || !(program.equals("npm") || program.equals("yarn") || program.equals("pnpm"))) {
            return null;
        }
        if (args.get(0).equals("run") || args.get(0).equals("run-script")) {
            return args.size() > 1 ? args.get(1) : null;
        }
        return program.equals("npm") && !args.get(0).equals("start") ? null : args.get(0);
    }

    /** The script {@code node} runs: its first argument that is not an option (or an option's value). */
    private static String nodeScript(List<String> words) {
        Set<String> valued = Set.of("-r", "--require", "--import", "--loader", "--experimental-loader");
        for (int k = 1; k < words.size(); k++) {
            String w = words.get(k);
            if (valued.contains(w)) {
                k++;
            } else if (!w.startsWith("-")) {
                return w;
            }
        }
        return null;
    }

    private static String productionInstall(Cmd install, boolean yarn) {
        ShellCommand c = install.command();
        List<ShellWord> words = c.commandWords();
        String programText = install.run().script().textOf(words.get(0).range());
        Optional<ShellWord> sub = c.subcommand();
        StringBuilder rest = new StringBuilder();
        for (ShellWord w : c.arguments()) {
            if (sub.isPresent() && w == sub.get() || DEV_DEPENDENCY_OPTIONS.contains(w.value())) {
                continue;
            }
            rest.append(' ').append(w.raw());
        }
        return programText + (yarn ? " install --production" : " " + sub.get().value() + " --omit=dev") + rest;
    }

    // ---- Java ----------------------------------------------------------------------------------------

    private static final Set<String> JAVA_BUILD_TOOLS = Set.of("mvn", "mvnw", "gradle", "gradlew");
    private static final Set<String> JAVA_TOOLS = Set.of("mvn", "mvnw", "gradle", "gradlew", "java", "javac", "jar");
    private static final Set<String> MAVEN_GOALS = Set.of("package", "install", "verify");
    private static final Set<String> GRADLE_TASKS = Set.of("build", "bootJar", "jar", "assemble", "shadowJar");
    private static final Set<String> JDK_IMAGES = Set.of("maven", "gradle", "eclipse-temurin", "openjdk",
            "amazoncorretto");
    private static final Set<String> JDK_VENDORS = Set.of("eclipse", "temurin", "openjdk", "jdk", "amazoncorretto",
            "corretto", "sapmachine", "semeru", "graalvm", "ibmjava", "liberica", "zulu");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private Detection java(Ctx ctx) {
        Cmd build = null;
        int buildIndex = -1;
        for (int k = 0; k < ctx.body.size() && build == null; k++) {
            for (Cmd cmd : ctx.commands(ctx.body.get(k))) {
                if (isJavaBuild(cmd.command())) {
                    build = cmd;
                    buildIndex = k;
                    break;
                }
            }
        }
        List<Launch> launches = launches(ctx);
        for (Launch launch : launches) {
            if (JAVA_BUILD_TOOLS.contains(basename(launch.words().get(0)))) {
                return new Rejected(launch.instruction().line(), launch.instruction().logicalLine().strip(),
                        "the app runs from the build tool (" + String.join(" ", launch.words()) + "): the "
                                + "runtime stage would need it and the sources; run a packaged jar instead");
            }
        }
        if (build == null) {
            return new Absent(null);
        }
        String jar = null;
        Launch jarLaunch = null;
        for (Launch launch : launches) {
            List<String> w = launch.words();
            if (basename(w.get(0)).equals("java")) {
                int at = w.indexOf("-jar");
                if (at > 0 && at + 1 < w.size()) {
                    jar = w.get(at + 1);
                    jarLaunch = launch;
                    break;
                }
            }
        }
        if (jar == null) {
            return new Rejected(build.run().line(), build.excerpt(), "`" + build.excerpt() + "` builds, but no CMD "
                    + "or ENTRYPOINT runs java -jar <file>: the build step's outputs cannot be located");
        }
        Optional<ImageReference> reference = ctx.imageReference();
        String name = reference.map(ImageReference::officialName).orElse("");
        if (!JDK_IMAGES.contains(name)) {
            return new Rejected(ctx.stage.from().line(), ctx.stage.from().logicalLine().strip(), "the base image "
                    + ctx.image + " is not a Maven, Gradle or JDK image SlimLab knows: the matching JRE is not known");
        }
        Optional<String> major = ImageReference.parse(ctx.stage.baseImage())
                .filter(r -> JDK_IMAGES.contains(r.officialName()))
                .flatMap(r -> jdkMajor(r.officialName(), r.tag()))
                .or(() -> jdkMajor(name, reference.get().tag()).filter(v -> NUMBER.matcher(v).matches()));
        if (major.isEmpty()) {
            return new Rejected(ctx.stage.from().line(), ctx.stage.from().logicalLine().strip(), "the JDK major "
                    + "version of " + ctx.image + " is unknown (name it in the tag, e.g. maven:3.9-eclipse-temurin-17):"
                    + " the matching JRE cannot be chosen");
        }
        if (jar.contains("$")) {
            return new Rejected(jarLaunch.instruction().line(), jarLaunch.instruction().logicalLine().strip(),
                    "the jar path " + jar + " uses variables: the build step's outputs cannot be located");
        }
        if (!jar.startsWith("/") && !ctx.finalWorkdirSet()) {
            return new Rejected(jarLaunch.instruction().line(), jarLaunch.instruction().logicalLine().strip(),
                    "no WORKDIR: where " + jar + " lands depends on the base image, so it cannot be located");
        }
        boolean alpine = ImageReference.tagParts(reference.get().tag()).stream().anyMatch(p -> p.startsWith("alpine"));
        String runtimeImage = "eclipse-temurin:" + major.get() + "-jre" + (alpine ? "-alpine" : "");
        boolean maven = Set.of("mvn", "mvnw").contains(build.command().programName().orElse(""));
        String outputFolder = maven ? "target/" : "build/libs";
        int end = buildIndex;
        Set<Instruction> postBuild = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = buildIndex + 1; k < ctx.body.size(); k++) {
            Instruction i = ctx.body.get(k);
            if (i.is("run") && (i.text().contains(".jar") || i.text().contains(outputFolder))) {
                postBuild.add(i);
                end = k;
            }
        }
        StringBuilder runtimeRuns = new StringBuilder();
        for (int k = 0; k < ctx.body.size(); k++) {
            Instruction i = ctx.body.get(k);
            boolean builderOnly = k == buildIndex || postBuild.contains(i)
                    || k <= end && ctx.commands(i).stream().anyMatch(c -> usesAny(c.command(), JAVA_TOOLS));
            if (!i.is("run") || builderOnly) {
                continue;
            }
            runtimeRuns.append(i.text());
            for (Cmd cmd : ctx.commands(i)) {
                String program = cmd.command().programName().orElse("");
                boolean foreign = alpine ? SystemPackages.isManager(cmd.command()) && !program.equals("apk")
                        : SystemPackages.isManager(cmd.command()) && !SystemPackages.isApt(cmd.command());
                if (foreign) {
                    return new Rejected(i.line(), cmd.excerpt(), "`" + cmd.excerpt() + "` would run in the "
                            + runtimeImage + " runtime stage, which does not have " + program);
                }
            }
        }
        for (Instruction i : ctx.body) {
            if (i.is("user") && !i.args().isEmpty()) {
                String user = unquote(i.args().get(0)).split(":", 2)[0];
                if (!user.matches("[0-9]+|root|nobody|\\$.*") && !runtimeRuns.toString().contains(user)) {
                    return new Rejected(i.line(), i.logicalLine().strip(), "USER " + user + " comes with the "
                            + ctx.image + " image (no RUN of the runtime stage creates it): the " + runtimeImage
                            + " runtime image may not have that user");
                }
            }
        }

        String builderName = builderName(ctx.stage);
        StageSplit split = new StageSplit(ctx.dockerfile, ctx.stage, builderFrom(ctx.stage, builderName));
        List<ChangeNote> notes = new ArrayList<>();
        Set<String> buildDeps = new LinkedHashSet<>();
        for (int k = 0; k <= end; k++) {
            Instruction i = ctx.body.get(k);
            split.toBuilder(i);
            if (i.is("copy") || i.is("add")) {
                if (copyIntoWorkdir(ctx, k) && !providesLaunchFile(ctx, k)) {
                    split.dropFromRuntime(i);
                    notes.add(new ChangeNote(id(), i.line(), i.logicalLine().strip() + " only in the builder stage"));
                }
            } else if (i.is("run")) {
                if (k == buildIndex || postBuild.contains(i)
                        || ctx.commands(i).stream().anyMatch(c -> usesAny(c.command(), JAVA_TOOLS))) {
                    split.dropFromRuntime(i);
                    if (k != buildIndex) {
                        notes.add(new ChangeNote(id(), i.line(), i.logicalLine().strip()
                                + " only in the builder stage"));
                    }
                } else if (!alpine) {
                    RunEdit edit = runtimeRun(ctx, i, c -> false, true);
                    if (edit.changed()) {
                        buildDeps.addAll(edit.removedPackages());
                        applyRunEdit(split, i, edit);
                        notes.add(new ChangeNote(id(), i.line(), "build deps "
                                + String.join(", ", edit.removedPackages()) + " only in the builder stage"));
                    }
                }
            }
        }
        Instruction from = ctx.stage.from();
        split.replaceInRuntime(from, StageSplit.edited(ctx.dockerfile, from,
                editor -> editor.withArgument(from, 0, runtimeImage)));
        String jarPath = resolve(ctx.finalWorkdir(), jar);
        String endWorkdir = ctx.workdirs.get(end + 1);
        String destination;
        if (jar.contains("*") || jar.contains("?")) {
            String folder = parent(jarPath);
            String relative = relativeTo(endWorkdir, folder);
            destination = relative == null ? folder + "/" : relative.isEmpty() ? "./" : relative + "/";
        } else {
            String relative = relativeTo(endWorkdir, jarPath);
            destination = relative == null ? jarPath : relative;
        }
        String copyJar = "COPY --from=" + builderName + " " + jarPath + " " + destination;
        Instruction last = ctx.body.get(end);
        split.replaceInRuntime(last, copyJar);
        notes.add(new ChangeNote(id(), from.line(), "new builder stage " + builderName + " (FROM "
                + ctx.stage.baseImage() + ") with everything up to the build (lines " + from.line() + "-"
                + last.line() + "); the runtime stage runs on " + runtimeImage));
        notes.add(new ChangeNote(id(), build.run().line(), "the build runs in the builder stage; the runtime stage "
                + "has " + copyJar));
        String vendor = temurinBased(name, reference.get().tag()) ? ""
                : " (a different JDK build than " + ctx.image + ": check the JVM behaves the same)";
        String message = "Java (" + (maven ? "Maven" : "Gradle") + "): `" + build.excerpt() + "` (line "
                + build.run().line() + ") moves to a builder stage on " + ctx.stage.baseImage() + "; the runtime "
                + "stage runs " + jar + " on " + runtimeImage + vendor
                + (buildDeps.isEmpty() ? "" : "; build deps " + String.join(", ", buildDeps)
                + " stay in the builder");
        return new Plan(message, split, notes);
    }

    private static boolean isJavaBuild(ShellCommand c) {
        String program = c.programName().orElse("");
        Set<String> goals = program.equals("mvn") || program.equals("mvnw") ? MAVEN_GOALS
                : program.equals("gradle") || program.equals("gradlew") ? GRADLE_TASKS : Set.of();
        return c.arguments().stream().anyMatch(w -> goals.contains(w.value().substring(w.value().lastIndexOf(':') + 1)));
    }

    /** The JDK major version a JDK image tag names ({@code 3.9-eclipse-temurin-17} → 17), possibly a variable. */
    private static Optional<String> jdkMajor(String name, String tag) {
        List<String> parts = ImageReference.tagParts(tag);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (Set.of("eclipse-temurin", "openjdk", "amazoncorretto").contains(name)) {
            String first = parts.get(0);
            if (first.contains("$")) {
                return Optional.of(first);
            }
            Matcher m = Pattern.compile("^([0-9]+)").matcher(first);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
        boolean vendorSeen = false;
        for (String part : parts) {
            if (name.equals("gradle") && part.matches("jdk[0-9]+")) {
                return Optional.of(part.substring(3));
            }
            if (JDK_VENDORS.contains(part)) {
                vendorSeen = true;
            } else if (vendorSeen && (NUMBER.matcher(part).matches() || part.contains("$"))) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    private static boolean temurinBased(String name, String tag) {
        return name.equals("eclipse-temurin") || name.equals("gradle") || tag.contains("temurin");
    }

    // ---- launch commands (CMD / ENTRYPOINT) ------------------------------------------------------------

    /** A command the container starts with: the words of one command of CMD or ENTRYPOINT. */
    private record Launch(Instruction instruction, List<String> words) {
    }

    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash");

    private static List<Launch> launches(Ctx ctx) {
        Instruction cmd = null;
        Instruction entrypoint = null;
        for (Instruction i : ctx.body) {
            if (i.is("cmd")) {
                cmd = i;
            } else if (i.is("entrypoint")) {
                entrypoint = i;
            }
        }
        List<Launch> out = new ArrayList<>();
        if (entrypoint != null && cmd != null && entrypoint.isJsonForm() && cmd.isJsonForm()
                && !entrypoint.args().isEmpty() && !SHELLS.contains(basename(entrypoint.args().get(0)))) {
            List<String> joined = new ArrayList<>(entrypoint.args());
            joined.addAll(cmd.args());
            out.add(new Launch(entrypoint, joined));
        }
        for (Instruction i : new Instruction[] {entrypoint, cmd}) {
            if (i != null) {
                for (List<String> words : launchWords(i)) {
                    out.add(new Launch(i, words));
                }
            }
        }
        return out;
    }

    private static List<List<String>> launchWords(Instruction i) {
        List<String> args = i.args();
        if (i.isJsonForm()) {
            int c = args.indexOf("-c");
            if (!args.isEmpty() && SHELLS.contains(basename(args.get(0))) && c > 0 && c + 1 < args.size()) {
                return shellWords(args.get(c + 1));
            }
            return args.isEmpty() ? List.of() : List.of(args);
        }
        return shellWords(i.arguments());
    }

    private static List<List<String>> shellWords(String script) {
        List<List<String>> out = new ArrayList<>();
        for (ShellCommand c : ShellScript.parse(script).commands()) {
            List<String> words = c.commandWords().stream().map(ShellWord::value).toList();
            if (!words.isEmpty()) {
                out.add(words);
            }
        }
        return out;
    }

    // ---- shell commands ----------------------------------------------------------------------------

    private static final List<String> SCRATCH_PATHS = List.of("/var/lib/apt/lists", "/var/cache/apt", "/root/.cache",
            "/tmp", "~/.cache");

    private static boolean usesAny(ShellCommand c, Set<String> programs) {
        return programs.contains(c.programName().orElse(""));
    }

    /** An apt package word of the C toolchain (see {@link SystemPackages#isCToolchain}): needed to build, not to run. */
    private static boolean buildOnlyPackage(String word) {
        if (word.contains("$")) {
            return false;
        }
        String name = word.split("=", 2)[0];
        int colon = name.indexOf(':');
        name = (colon > 0 ? name.substring(0, colon) : name).toLowerCase(Locale.ROOT);
        return SystemPackages.isCToolchain(name);
    }

    /** A command that does nothing for the image once the work around it is gone (apt-get update, rm of caches). */
    private static boolean neutral(ShellCommand c) {
        List<ShellWord> words = c.commandWords();
        if (words.isEmpty()) {
            return true;
        }
        String program = c.programName().orElse("");
        switch (program) {
            case "cd", "set", "true", ":" -> {
                return true;
            }
            case "apt-get", "apt", "aptitude" -> {
                return c.subcommand().map(w -> SystemPackages.APT_HOUSEKEEPING.contains(w.value())).orElse(false);
            }
            case "rm" -> {
                List<String> targets = c.arguments().stream().map(ShellWord::value).filter(v -> !v.startsWith("-"))
                        .toList();
                return !targets.isEmpty() && targets.stream().allMatch(t -> SCRATCH_PATHS.stream()
                        .anyMatch(p -> t.equals(p) || t.startsWith(p + "/")));
            }
            default -> {
                return false;
            }
        }
    }

    /** A RUN as the runtime stage keeps it: unchanged, dropped, or with some commands or packages removed. */
    private record RunEdit(boolean changed, boolean drop, String text, List<String> removedPackages) {
    }

    /**
     * The RUN without the commands {@code remove} selects and (if asked) without build-only apt
     * packages; dropped entirely when what is left only cleans up after the removed work.
     */
    private static RunEdit runtimeRun(Ctx ctx, Instruction run, Predicate<ShellCommand> remove,
                                      boolean dropBuildPackages) {
        Set<String> removedPackages = new LinkedHashSet<>();
        List<Consumer<DockerfileEditor>> edits = new ArrayList<>();
        List<RunScript> scripts = ctx.scripts.getOrDefault(run, List.of());
        List<boolean[]> removals = new ArrayList<>();
        boolean aptInstallRemoved = false;
        boolean aptInstallLeft = false;
        for (RunScript script : scripts) {
            List<ShellCommand> commands = script.script().commands();
            boolean[] removed = new boolean[commands.size()];
            for (int k = 0; k < commands.size(); k++) {
                ShellCommand c = commands.get(k);
                List<ShellWord> packages = SystemPackages.aptPackages(c);
                if (remove.test(c)) {
                    removed[k] = true;
                } else if (dropBuildPackages) {
                    List<ShellWord> buildOnly = packages.stream().filter(w -> buildOnlyPackage(w.value())).toList();
                    if (!buildOnly.isEmpty()) {
                        buildOnly.forEach(w -> removedPackages.add(w.value()));
                        if (buildOnly.size() == packages.size()) {
                            removed[k] = true;
                        } else {
                            edits.add(editor -> removeWords(script, editor, c, buildOnly));
                        }
                    }
                }
                boolean install = !packages.isEmpty() && c.subcommand().map(w -> w.value().equals("install"))
                        .orElse(false);
                aptInstallRemoved |= install && removed[k];
                aptInstallLeft |= install && !removed[k];
            }
            removals.add(removed);
        }
        if (aptInstallRemoved && !aptInstallLeft) {
            // no apt install is left: its apt-get update and clean-ups go too
            for (int s = 0; s < scripts.size(); s++) {
                List<ShellCommand> commands = scripts.get(s).script().commands();
                for (int k = 0; k < commands.size(); k++) {
                    if (SystemPackages.isApt(commands.get(k)) && neutral(commands.get(k))) {
                        removals.get(s)[k] = true;
                    }
                }
            }
        }
        boolean changed = !edits.isEmpty();
        boolean onlyNeutralLeft = true;
        for (int s = 0; s < scripts.size(); s++) {
            RunScript script = scripts.get(s);
            List<ShellCommand> commands = script.script().commands();
            boolean[] removed = removals.get(s);
            for (int k = 0; k < commands.size(); k++) {
                changed |= removed[k];
                onlyNeutralLeft &= removed[k] || neutral(commands.get(k));
            }
            for (TextRange range : removalRanges(script.script(), removed)) {
                edits.add(editor -> script.replace(editor, range, ""));
            }
        }
        if (!changed) {
            return new RunEdit(false, false, null, List.of());
        }
        if (onlyNeutralLeft) {
            return new RunEdit(true, true, null, List.copyOf(removedPackages));
        }
        String text = StageSplit.edited(ctx.dockerfile, run, editor -> edits.forEach(e -> e.accept(editor)));
        return new RunEdit(true, false, text, List.copyOf(removedPackages));
    }

    private static void applyRunEdit(StageSplit split, Instruction run, RunEdit edit) {
        if (edit.drop()) {
            split.dropFromRuntime(run);
        } else if (edit.changed()) {
            split.replaceInRuntime(run, edit.text());
        }
    }

    /** Ranges that remove the marked commands with one operator each, so {@code a && b && c} minus b reads {@code a && c}. */
    private static List<TextRange> removalRanges(ShellScript script, boolean[] removed) {
        List<ShellCommand> drop = new ArrayList<>();
        for (int k = 0; k < removed.length; k++) {
            if (removed[k]) {
                drop.add(script.commands().get(k));
            }
        }
        return script.removalRanges(drop);
    }

    /** Removes some words of a command with the blanks between them and their neighbours. */
    private static void removeWords(RunScript script, DockerfileEditor editor, ShellCommand c, List<ShellWord> drop) {
        List<ShellWord> words = c.words();
        int k = 0;
        while (k < words.size()) {
            if (!drop.contains(words.get(k))) {
                k++;
                continue;
            }
            int from = k;
            while (k + 1 < words.size() && drop.contains(words.get(k + 1))) {
                k++;
            }
            int to = k;
            TextRange range = to + 1 < words.size()
                    ? new TextRange(words.get(from).start(), words.get(to + 1).start())
                    : new TextRange(words.get(from - 1).end(), words.get(to).end());
            script.replace(editor, range, "");
            k++;
        }
    }

    // ---- COPY and paths ------------------------------------------------------------------------------

    /** A COPY or ADD from the build context (not {@code --from}, not a here-document). */
    private static boolean isContextCopy(Instruction i) {
        return (i.is("copy") || i.is("add")) && i.flag("from").isEmpty() && i.heredocs().isEmpty()
                && i.args().size() >= 2;
    }

    private static List<String> copySources(Instruction i) {
        List<String> args = i.args();
        return args.subList(0, args.size() - 1).stream().map(MultiStage::unquote).toList();
    }

    private static String copyDestination(Ctx ctx, int index) {
        Instruction i = ctx.body.get(index);
        return resolve(ctx.workdirs.get(index), unquote(i.args().get(i.args().size() - 1)));
    }

    private static boolean destinationIsFolder(Instruction i) {
        String dest = unquote(i.args().get(i.args().size() - 1));
        return dest.endsWith("/") || dest.equals(".") || i.args().size() > 2;
    }

    private static boolean looksLikeFolder(String source) {
        String s = stripDotSlash(source);
        return s.isEmpty() || s.equals(".") || s.endsWith("/") || !basename(s).contains(".");
    }

    /**
     * Whether the COPY at {@code index} puts a file at {@code path}: 1 as that very file (a source
     * named so), 2 as part of a folder it copies, 0 not at all.
     */
    private static int copyProvides(Ctx ctx, int index, String path) {
        Instruction i = ctx.body.get(index);
        if (!isContextCopy(i)) {
            return 0;
        }
        String dest = copyDestination(ctx, index);
        int best = 0;
        for (String source : copySources(i)) {
            if (source.contains("://")) {
                continue;
            }
            if (sourceIsFile(source, dest, destinationIsFolder(i), path)) {
                return 1;
            }
            if (looksLikeFolder(source) && under(path, dest)) {
                best = 2;
            }
        }
        return best;
    }

    private static boolean sourceIsFile(String source, String dest, boolean destIsFolder, String path) {
        String s = stripDotSlash(source);
        if (looksLikeFolder(s) && !s.contains("*")) {
            return false;
        }
        String name = basename(s);
        if (name.contains("*") || name.contains("?") || name.contains("[")) {
            return parent(path).equals(dest) && globMatches(name, basename(path));
        }
        return path.equals(destIsFolder ? join(dest, name) : dest) && basename(path).equals(name)
                || !destIsFolder && path.equals(dest);
    }

    /** True if every source of the COPY is one of {@code files}, named as a file. */
    private static boolean copyOnlyFiles(Ctx ctx, int index, Set<String> files) {
        Instruction i = ctx.body.get(index);
        String dest = copyDestination(ctx, index);
        for (String source : copySources(i)) {
            if (files.stream().noneMatch(f -> sourceIsFile(source, dest, destinationIsFolder(i), f))) {
                return false;
            }
        }
        return true;
    }

    /** True if the COPY at {@code index} puts something into the folder {@code folder}. */
    private static boolean copyInto(Ctx ctx, int index, String folder) {
        Instruction i = ctx.body.get(index);
        if (!isContextCopy(i)) {
            return false;
        }
        String dest = copyDestination(ctx, index);
        return under(dest, folder) || under(folder, dest) && copySources(i).stream().anyMatch(MultiStage::looksLikeFolder);
    }

    /** True if the COPY or ADD at {@code index} writes into the working directory of the build. */
    private static boolean copyIntoWorkdir(Ctx ctx, int index) {
        Instruction i = ctx.body.get(index);
        if (i.flag("from").isPresent() || i.args().isEmpty()) {
            return false;
        }
        if (!i.heredocs().isEmpty()) {
            return true;
        }
        return under(copyDestination(ctx, index), ctx.workdirs.get(index));
    }

    /** True if the COPY at {@code index} names a file that CMD or ENTRYPOINT runs or reads ({@code ./entrypoint.sh}). */
    private static boolean providesLaunchFile(Ctx ctx, int index) {
        for (Launch launch : launches(ctx)) {
            for (String word : launch.words()) {
                if (!word.startsWith("-") && !word.contains("$") && (word.contains("/") || word.contains("."))
                        && copyProvides(ctx, index, resolve(ctx.finalWorkdir(), word)) == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if a COPY or ADD after {@code index} puts a file at {@code path}. */
    private static boolean copiedAfter(Ctx ctx, int index, String path) {
        for (int k = index + 1; k < ctx.body.size(); k++) {
            if (copyProvides(ctx, k, path) > 0) {
                return true;
            }
        }
        return false;
    }

    /** True if a COPY before {@code index} names a source file called {@code name}. */
    private static boolean copiedByName(Ctx ctx, int index, String name) {
        for (int k = 0; k < index; k++) {
            Instruction i = ctx.body.get(k);
            if (isContextCopy(i) && copySources(i).stream().anyMatch(s -> basename(stripDotSlash(s)).equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static boolean globMatches(String glob, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
        }
        return name.matches(re.toString());
    }

    private static String resolve(String base, String path) {
        return normalize(path.startsWith("/") ? path : base + "/" + path);
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static boolean under(String path, String folder) {
        return path.equals(folder) || folder.equals("/") || path.startsWith(folder + "/");
    }

    /** {@code path} relative to {@code folder} ("" for the folder itself), or null when it is not under it. */
    private static String relativeTo(String folder, String path) {
        if (path.equals(folder)) {
            return "";
        }
        if (folder.equals("/")) {
            return path.substring(1);
        }
        return path.startsWith(folder + "/") ? path.substring(folder.length() + 1) : null;
    }

    private static String relativeOrAbsolute(String folder, String path) {
        String relative = relativeTo(folder, path);
        return relative == null || relative.isEmpty() ? path : relative;
    }

    private static String join(String folder, String name) {
        return folder.equals("/") ? "/" + name : folder + "/" + name;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String basename(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String stripDotSlash(String source) {
        String s = source;
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s;
    }

    private static String unquote(String word) {
        if (word.length() >= 2 && (word.startsWith("\"") && word.endsWith("\"")
                || word.startsWith("'") && word.endsWith("'"))) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }

    // ---- the new stage ---------------------------------------------------------------------------

    /** A name for the builder that the stage does not use already. */
    private static String builderName(Stage stage) {
        String taken = stage.name().orElse("");
        for (String name : List.of("builder", "build", "slimlab-builder")) {
            if (!name.equals(taken)) {
                return name;
            }
        }
        return "slimlab-builder";
    }

    /** {@code FROM [--platform=...] <image as written> AS <name>}. */
    private static String builderFrom(Stage stage, String name) {
        Instruction from = stage.from();
        StringBuilder line = new StringBuilder(from.keyword());
        for (Flag flag : from.flags()) {
            line.append(' ').append(from.logicalLine(), flag.start(), flag.end());
        }
        return line.append(' ').append(stage.baseImage()).append(" AS ").append(name).toString();
    }

    /** The flags of a RUN as written, each followed by a blank ({@code --mount=... }). */
    private static String flagsText(Instruction run) {
        StringBuilder out = new StringBuilder();
        for (Flag flag : run.flags()) {
            out.append(run.logicalLine(), flag.start(), flag.end()).append(' ');
        }
        return out.toString();
    }

    private static String joinLines(List<Integer> lines) {
        return lines.stream().distinct().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
