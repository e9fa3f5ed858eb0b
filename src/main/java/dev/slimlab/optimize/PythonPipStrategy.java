package dev.slimlab.optimize;

import static dev.slimlab.optimize.StagePaths.resolve;
import static dev.slimlab.optimize.StagePaths.unquote;

import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.optimize.PackageScripts.At;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Python for {@code multi-stage}: {@code pip install} runs in the builder with
 * {@code --prefix=/install}; the runtime stage (same base image) copies {@code /install} to
 * {@code /usr/local} and installs no compilers or {@code -dev} packages. Commands after the pip
 * install in its RUN (such as {@code playwright install}) use the installed packages, so they run
 * in the runtime stage.
 */
final class PythonPipStrategy implements MultiStageStrategy {

    private static final String PREFIX = "/install";
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
    private record PipUse(int index, Instruction run, At cmd, ShellWord install, List<String> files,
                          List<String> localPaths, boolean toolingOnly, String elsewhere) {
    }

    @Override
    public String toolchain() {
        return "pip";
    }

    @Override
    public Detection detect(SingleStage stage) {
        List<PipUse> uses = new ArrayList<>();
        for (int k = 0; k < stage.body().size(); k++) {
            Instruction i = stage.body().get(k);
            for (At cmd : stage.commands(i)) {
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
        String imageName = stage.imageReference().map(ImageReference::officialName).orElse("");
        if (!imageName.equals("python")) {
            return new Rejected(stage.from().line(), stage.from().logicalLine().strip(), "pip install at line "
                    + first.run().line() + ", but the base image " + stage.resolvedImage() + " is not the official "
                    + "python image: where pip --prefix puts packages and where the interpreter looks for them is not "
                    + "known");
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
        Optional<Rejected> venv = virtualenv(stage, uses);
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
        List<At> runtimeOnly = new ArrayList<>();
        for (Instruction run : pipRuns) {
            for (RunScript script : stage.scripts(run)) {
                List<ShellCommand> commands = script.script().commands();
                int lastPip = -1;
                for (int k = 0; k < commands.size(); k++) {
                    if (PipNoCacheDir.pipInstall(commands.get(k)).isPresent()) {
                        lastPip = k;
                    }
                }
                for (int k = 0; k < commands.size(); k++) {
                    ShellCommand c = commands.get(k);
                    if (PipNoCacheDir.pipInstall(c).isPresent() || SystemPackages.isManager(c) || RuntimeRun.neutral(c)) {
                        continue;
                    }
                    At cmd = new At(script, c);
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
                if (stage.body().get(k).is("user") && !stage.body().get(k).args().isEmpty()) {
                    user = stage.body().get(k);
                }
            }
            if (user != null && !isRoot(user.args().get(0))) {
                return new Rejected(use.run().line(), use.cmd().excerpt(), "pip install runs as user "
                        + user.args().get(0) + " (line " + user.line() + "): packages may land in that user's home, "
                        + "not in a prefix the runtime stage can copy");
            }
        }

        PipInputs inputs = pipInputs(stage, uses);
        if (inputs.rejected() != null) {
            return inputs.rejected();
        }
        Set<Instruction> needed = inputs.copies();
        Set<Instruction> requirementsOnly = inputs.requirementsOnly();

        StageSplit split = stage.split();
        String builderName = split.builderName();
        List<ChangeNote> notes = new ArrayList<>();
        List<Integer> builderLines = new ArrayList<>();
        for (int k = 0; k <= end; k++) {
            Instruction i = stage.body().get(k);
            if (i.is("workdir") || i.is("arg") || i.is("env") || i.is("shell") || i.is("user")) {
                split.toBuilder(i);
            } else if (pipRuns.contains(i)) {
                split.toBuilder(i, StageSplit.edited(stage.dockerfile(), i, editor -> {
                    for (PipUse use : uses) {
                        if (use.run() == i && !use.toolingOnly()) {
                            use.cmd().run().insert(editor, use.install().end(), " --prefix=" + PREFIX);
                        }
                    }
                    for (RunScript script : stage.scripts(i)) {
                        List<ShellCommand> runtimeCommands = script.script().commands().stream()
                                .filter(command -> runtimeOnly.stream().anyMatch(r -> r.command() == command)).toList();
                        script.script().removalRanges(runtimeCommands)
                                .forEach(range -> script.replace(editor, range, ""));
                    }
                }));
            } else if (i.is("run") && stage.commands(i).stream().anyMatch(c -> SystemPackages.isManager(c.command()))) {
                split.toBuilder(i);
            } else if (needed.contains(i)) {
                split.toBuilder(i);
            }
            if (split.inBuilder(i)) {
                builderLines.add(i.line());
            }
        }
        notes.add(stage.note(stage.from().line(), "new builder stage " + builderName + " (FROM "
                + stage.baseImage() + ") with the instructions the pip install needs: line"
                + (builderLines.size() > 1 ? "s " : " ") + joinLines(builderLines)));

        String copyLine = "COPY --from=" + builderName + " " + PREFIX + " /usr/local";
        Set<String> buildDeps = new LinkedHashSet<>();
        boolean firstPip = true;
        for (Instruction i : stage.body()) {
            if (requirementsOnly.contains(i)) {
                split.dropFromRuntime(i);
                notes.add(stage.note(i.line(), i.logicalLine().strip()
                        + " only in the builder stage: the runtime stage gets the installed packages instead"));
            } else if (pipRuns.contains(i)) {
                RuntimeRun edit = RuntimeRun.of(stage, i, c -> PipNoCacheDir.pipInstall(c).isPresent());
                buildDeps.addAll(edit.removedPackages());
                if (firstPip) {
                    if (edit.drop()) {
                        split.replaceInRuntime(i, copyLine);
                    } else {
                        split.insertBeforeInRuntime(i, copyLine);
                        split.replaceInRuntime(i, edit.text());
                    }
                    notes.add(stage.note(i.line(), "pip install --prefix=" + PREFIX + " in the builder "
                            + "stage; the runtime stage has " + copyLine + " instead"
                            + (edit.removedPackages().isEmpty() ? "" : ", without "
                            + String.join(", ", edit.removedPackages()))));
                } else {
                    edit.applyTo(split, i);
                    notes.add(stage.note(i.line(), "pip install only in the builder stage"
                            + (edit.removedPackages().isEmpty() ? "" : "; the runtime stage also drops "
                            + String.join(", ", edit.removedPackages()))));
                }
                firstPip = false;
            } else if (i.is("run")) {
                RuntimeRun edit = RuntimeRun.of(stage, i, c -> false);
                if (edit.changed()) {
                    buildDeps.addAll(edit.removedPackages());
                    edit.applyTo(split, i);
                    notes.add(stage.note(i.line(), "build deps " + String.join(", ", edit.removedPackages())
                            + " only in the builder stage" + (edit.drop()
                            ? "; the RUN leaves the runtime stage (nothing left to install)" : "")));
                }
            }
        }
        for (At cmd : runtimeOnly) {
            notes.add(stage.note(cmd.run().line(), "`" + cmd.excerpt() + "` runs in the runtime stage only, "
                    + "after the installed packages are copied in"));
        }
        String pipLines = joinLines(pipRuns.stream().map(Instruction::line).toList());
        String message = "Python: pip install (line" + (pipRuns.size() > 1 ? "s " : " ") + pipLines
                + ") moves to a builder stage with --prefix=" + PREFIX + "; the runtime stage ("
                + stage.baseImage() + ") copies " + PREFIX + " to /usr/local"
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

    private static PipInputs pipInputs(SingleStage stage, List<PipUse> uses) {
        Set<Instruction> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Instruction> requirementsOnly = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PipUse use : uses) {
            String workdir = stage.workdir(use.index());
            for (String file : use.files()) {
                if (file.contains("$")) {
                    for (int k = 0; k < use.index(); k++) {
                        if (StagePaths.isContextCopy(stage.body().get(k))) {
                            needed.add(stage.body().get(k));
                        }
                    }
                    continue;
                }
                String path = resolve(workdir, file);
                boolean found = false;
                for (int k = 0; k < use.index(); k++) {
                    if (stage.copyProvides(k, path) > 0) {
                        needed.add(stage.body().get(k));
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
                    if (stage.copyInto(k, path)) {
                        needed.add(stage.body().get(k));
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
                allFiles.add(resolve(stage.workdir(use.index()), file));
            }
        }
        for (Instruction copy : needed) {
            int k = stage.body().indexOf(copy);
            if (uses.stream().allMatch(u -> u.localPaths().stream().noneMatch(l -> stage.copyInto(k,
                    resolve(stage.workdir(u.index()), l))))
                    && stage.copyOnlyFiles(k, allFiles)) {
                requirementsOnly.add(copy);
            }
        }
        return new PipInputs(needed, requirementsOnly, null);
    }

    /** A virtualenv the pip installs go into: its packages live there, not under a prefix SlimLab sets. */
    private static Optional<Rejected> virtualenv(SingleStage stage, List<PipUse> uses) {
        for (PipUse use : uses) {
            String program = use.cmd().command().program().orElse("");
            if (program.contains("/") && !program.startsWith("/usr/")) {
                return Optional.of(new Rejected(use.run().line(), use.cmd().excerpt(), "pip install runs "
                        + program + ", a virtualenv's pip: the runtime stage needs the whole virtualenv copied, "
                        + "which SlimLab does not automate"));
            }
        }
        for (Instruction i : stage.body()) {
            for (At cmd : stage.commands(i)) {
                List<String> words = cmd.command().commandWords().stream().map(ShellWord::value).toList();
                boolean venv = words.contains("venv") && words.contains("-m") || cmd.command().programName()
                        .map(p -> p.equals("virtualenv")).orElse(false);
                if (venv) {
                    return Optional.of(new Rejected(i.line(), cmd.excerpt(), "pip installs into a virtualenv ("
                            + cmd.excerpt() + "): the runtime stage needs the whole virtualenv copied, which "
                            + "SlimLab does not automate"));
                }
            }
            if (Optimizations.stageSetsEnv(stage.stage(), "VIRTUAL_ENV") && i.is("env")) {
                return Optional.of(new Rejected(i.line(), i.logicalLine().strip(), "VIRTUAL_ENV is set: pip "
                        + "installs into a virtualenv, which the runtime stage would need copied whole"));
            }
        }
        return Optional.empty();
    }

    private static PipUse pipUse(int index, Instruction run, At cmd, ShellWord install) {
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

    private static String joinLines(List<Integer> lines) {
        return lines.stream().distinct().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
