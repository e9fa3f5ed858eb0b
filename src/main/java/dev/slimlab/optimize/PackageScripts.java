package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Flag;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.TextRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the package-manager clean-ups ask of RUN scripts: cache mounts, the operands of a
 * command, which RUNs run later on top of a RUN's files, and whether a stage ships.
 */
final class PackageScripts {

    private PackageScripts() {
    }

    /** A command of a RUN script, for pointing at it in a finding. */
    record At(RunScript run, ShellCommand command) {

        int line() {
            return run.line();
        }

        String excerpt() {
            return run.excerpt(command);
        }
    }

    /** Reserved words that can stand before a simple command: {@code then apt-get install ...}. */
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until", "{", "!");

    /**
     * The script's commands, each without the reserved words in front of it: the shell reader
     * keeps {@code then} or {@code do} as a command's first word, so that
     * {@code if x; then apt-get install -y y; fi} would not read as an apt-get install.
     */
    static List<ShellCommand> commands(RunScript run) {
        return run.script().commands().stream().map(PackageScripts::unwrapped).toList();
    }

    private static ShellCommand unwrapped(ShellCommand c) {
        List<ShellWord> words = c.words();
        int i = 0;
        while (i < words.size() && KEYWORDS.contains(words.get(i).raw())) {
            i++;
        }
        if (i == 0) {
            return c;
        }
        List<ShellWord> assignments = new ArrayList<>(c.assignments());
        while (i < words.size() && words.get(i).raw().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            assignments.add(words.get(i++));
        }
        List<ShellWord> rest = words.subList(i, words.size());
        int start = !assignments.isEmpty() ? assignments.get(0).start() : rest.isEmpty() ? c.end() : rest.get(0).start();
        return new ShellCommand(assignments, rest, c.redirections(), c.operator(), start, c.end());
    }

    /** True if the command is one of the script's own (not one {@link #commands} took reserved words off). */
    static boolean asWritten(RunScript run, ShellCommand command) {
        return run.script().commands().contains(command);
    }

    private static final Set<String> SEQUENCE = Set.of("&&", ";", "\n", "");

    /** True if dropping the command leaves the rest running as before: it is joined to its neighbours by && or ; only. */
    static boolean droppable(RunScript run, ShellCommand command) {
        List<ShellCommand> commands = run.script().commands();
        int index = commands.indexOf(command);
        return index >= 0 && SEQUENCE.contains(command.operator())
                && (index == 0 || SEQUENCE.contains(commands.get(index - 1).operator()));
    }

    /** The targets of the RUN's {@code --mount=type=cache} flags ("" for one without a target). */
    static List<String> cacheMounts(Instruction run) {
        List<String> targets = new ArrayList<>();
        for (Flag flag : run.flags()) {
            if (!flag.name().equals("mount")) {
                continue;
            }
            String type = "bind";
            String target = "";
            for (String part : flag.value().orElse("").split(",")) {
                int eq = part.indexOf('=');
                String key = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : part.substring(eq + 1).trim();
                if (key.equals("type")) {
                    type = value;
                } else if (key.equals("target") || key.equals("dst") || key.equals("destination")) {
                    target = value;
                }
            }
            if (type.equals("cache")) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** The RUN's cache mount that holds one of the directories (at it or at a parent of it), if any. */
    static Optional<String> cacheMountAt(Instruction run, String... directories) {
        for (String target : cacheMounts(run)) {
            String t = trimSlashes(target);
            if (t.isEmpty()) {
                continue;
            }
            for (String directory : directories) {
                if (directory.equals(t) || directory.startsWith(t + "/")) {
                    return Optional.of(target);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The RUN's cache mount that holds a per-user cache: at {@code rootDirectory} (or a parent of
     * it), or at {@code homeSuffix} in another user's home ({@code /home/node/.npm}).
     */
    static Optional<String> cacheMountOf(Instruction run, String rootDirectory, String homeSuffix) {
        Optional<String> atRoot = cacheMountAt(run, rootDirectory);
        return atRoot.isPresent() ? atRoot
                : cacheMounts(run).stream().filter(t -> trimSlashes(t).endsWith(homeSuffix)).findFirst();
    }

    /**
     * The words after the command's subcommand that are not options, skipping the values of the
     * options that take one as a separate word ({@code -t bookworm-backports}).
     */
    static List<ShellWord> operands(ShellCommand command, Set<String> optionsWithValue) {
        List<ShellWord> args = command.arguments();
        Optional<ShellWord> sub = command.subcommand();
        int from = sub.map(args::indexOf).orElse(args.size() - 1) + 1;
        List<ShellWord> operands = new ArrayList<>();
        for (int i = from; i < args.size(); i++) {
            String value = args.get(i).value();
            if (value.startsWith("-")) {
                if (optionsWithValue.contains(value)) {
                    i++;
                }
                continue;
            }
            operands.add(args.get(i));
        }
        return operands;
    }

    /** The value of an option given as {@code --name value}, {@code --name=value} or {@code -n value}. */
    static Optional<String> optionValue(ShellCommand command, String... names) {
        List<ShellWord> args = command.arguments();
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).value();
            for (String name : names) {
                if (value.equals(name) && i + 1 < args.size()) {
                    return Optional.of(args.get(i + 1).value());
                }
                if (name.startsWith("--") && value.startsWith(name + "=")) {
                    return Optional.of(value.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** True if the command is {@code rm} (or {@code find ... -delete}) of the directory, something in it or a parent of it. */
    static boolean removes(ShellCommand command, String directory) {
        String program = command.programName().orElse("");
        boolean deletes = program.equals("rm")
                || program.equals("find") && command.arguments().stream().anyMatch(w -> w.value().equals("-delete")
                || w.value().equals("-exec"));
        if (!deletes) {
            return false;
        }
        for (ShellWord w : command.arguments()) {
            String path = w.value();
            if (path.startsWith("-")) {
                continue;
            }
            while (path.endsWith("*") || path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (!path.isEmpty() && (path.equals(directory) || path.startsWith(directory + "/")
                    || directory.startsWith(path + "/"))) {
                return true;
            }
        }
        return false;
    }

    private static String trimSlashes(String path) {
        String p = path.trim();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** The commands of the script after {@code command}. */
    static List<ShellCommand> after(RunScript run, ShellCommand command) {
        List<ShellCommand> commands = commands(run);
        int index = commands.indexOf(command);
        return index < 0 ? List.of() : commands.subList(index + 1, commands.size());
    }

    /**
     * The scripts that run later on top of {@code run}'s files, in file order: later RUNs of the
     * same stage and RUNs of the stages built FROM it (by name, transitively); with
     * {@code followCopies} also of the stages that copy or mount files from it.
     */
    static List<RunScript> downstream(Dockerfile dockerfile, List<RunScript> scripts, RunScript run, boolean followCopies) {
        Set<Integer> stages = descendants(dockerfile, run.stage(), followCopies);
        List<RunScript> later = new ArrayList<>();
        int at = scripts.indexOf(run);
        for (int k = at + 1; k < scripts.size(); k++) {
            RunScript s = scripts.get(k);
            if (s.instruction() != run.instruction() && stages.contains(s.stage().index())) {
                later.add(s);
            }
        }
        return later;
    }

    /** The stage itself and the stages built on it (FROM its name), or also copying from it, transitively. */
    static Set<Integer> descendants(Dockerfile dockerfile, Stage stage, boolean followCopies) {
        List<Stage> all = dockerfile.stages();
        Set<Integer> found = new HashSet<>();
        found.add(stage.index());
        for (Stage t : all) {
            if (t.index() <= stage.index()) {
                continue;
            }
            for (Stage s : all) {
                if (found.contains(s.index()) && s.index() < t.index()
                        && (builtOn(t, s) || followCopies && copiesFrom(t, s))) {
                    found.add(t.index());
                    break;
                }
            }
        }
        return found;
    }

    /** The stage a stage is built FROM, if it is one of the Dockerfile's stages. */
    static Optional<Stage> parent(Dockerfile dockerfile, Stage stage) {
        for (Stage s : dockerfile.stages()) {
            if (s.index() < stage.index() && builtOn(stage, s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * True if the stage ends up in the image a plain {@code docker build} makes: the last stage
     * and the stages it is built on. Other stages only contribute the files copied out of them.
     */
    static boolean ships(Dockerfile dockerfile, Stage stage) {
        List<Stage> all = dockerfile.stages();
        if (all.isEmpty()) {
            return true;
        }
        Optional<Stage> s = Optional.of(all.get(all.size() - 1));
        while (s.isPresent()) {
            if (s.get().index() == stage.index()) {
                return true;
            }
            s = parent(dockerfile, s.get());
        }
        return false;
    }

    private static boolean builtOn(Stage child, Stage base) {
        Optional<String> name = base.name();
        return name.isPresent() && child.baseImage().toLowerCase(Locale.ROOT).equals(name.get());
    }

    private static boolean copiesFrom(Stage child, Stage base) {
        Set<String> refs = new HashSet<>();
        refs.add(String.valueOf(base.index()));
        base.name().ifPresent(refs::add);
        for (Instruction i : child.instructions()) {
            for (Flag f : i.flags()) {
                if (f.name().equals("from") && refs.contains(f.value().orElse("").toLowerCase(Locale.ROOT))) {
                    return true;
                }
                if (f.name().equals("mount")) {
                    for (String part : f.value().orElse("").split(",")) {
                        String p = part.trim();
                        if (p.startsWith("from=") && refs.contains(p.substring(5).toLowerCase(Locale.ROOT))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * The ranges to delete to drop commands (of the script as written) from it: each run of
     * neighbouring commands together with one adjacent operator, so that {@code a && b && c} minus
     * {@code b} reads {@code a && c}; on lines of their own (a here-document script) whole lines.
     */
    static List<TextRange> removals(RunScript run, List<ShellCommand> drop) {
        ShellScript script = run.script();
        List<ShellCommand> commands = script.commands();
        String text = script.text();
        int offset = script.offset();
        List<TextRange> ranges = new ArrayList<>();
        int i = 0;
        while (i < commands.size()) {
            if (!drop.contains(commands.get(i))) {
                i++;
                continue;
            }
            int first = i;
            while (i + 1 < commands.size() && drop.contains(commands.get(i + 1))) {
                i++;
            }
            int last = i;
            i++;
            ShellCommand a = commands.get(first);
            ShellCommand b = commands.get(last);
            int lineStart = text.lastIndexOf('\n', a.start() - offset - 1) + 1;
            int lineEnd = text.indexOf('\n', b.end() - offset);
            if (b.operator().equals("\n") && lineEnd >= 0 && text.substring(lineStart, a.start() - offset).isBlank()
                    && text.substring(b.end() - offset, lineEnd).isBlank()) {
                ranges.add(new TextRange(offset + lineStart, offset + lineEnd + 1));
            } else if (last + 1 < commands.size()) {
                ranges.add(new TextRange(a.start(), commands.get(last + 1).start()));
            } else if (first > 0) {
                ranges.add(new TextRange(commands.get(first - 1).end(), b.end()));
            } else {
                ranges.add(new TextRange(a.start(), b.end()));
            }
        }
        return ranges;
    }

    /** A command to run at the end of a RUN script, with the note that says so. */
    record Append(RunScript run, String command, ChangeNote note) {
    }

    /**
     * Appends each command to its RUN script (several for one command line joined with
     * {@code &&} in one append, one line each in a here-document) and applies the edits.
     */
    static Applied appendAll(Project project, List<Append> appends) {
        if (appends.isEmpty()) {
            return Applied.unchanged(project);
        }
        Map<RunScript, List<String>> byScript = new LinkedHashMap<>();
        appends.forEach(a -> byScript.computeIfAbsent(a.run(), r -> new ArrayList<>()).add(a.command()));
        DockerfileEditor editor = project.dockerfile().editor();
        for (Map.Entry<RunScript, List<String>> e : byScript.entrySet()) {
            if (e.getKey().heredoc() != null) {
                e.getValue().forEach(command -> e.getKey().append(editor, command));
            } else {
                e.getKey().append(editor, String.join(" && ", e.getValue()));
            }
        }
        return applied(project, editor, appends.stream().map(Append::note).toList());
    }

    /** Applies the gathered edits; the project unchanged (no notes) if they cannot be applied. */
    static Applied applied(Project project, DockerfileEditor editor, List<ChangeNote> notes) {
        if (notes.isEmpty() || editor.isEmpty()) {
            return Applied.unchanged(project);
        }
        try {
            return new Applied(project.withDockerfile(editor.apply()), notes);
        } catch (RuntimeException e) {
            return Applied.unchanged(project);
        }
    }

    /**
     * The command a CMD, ENTRYPOINT, HEALTHCHECK or exec-form RUN runs, read as a shell script:
     * shell form as written; exec form that runs a shell with {@code -c} ({@code ["sh", "-c", "..."]}):
     * that script; other exec form: its words, quoted. No commands for {@code HEALTHCHECK NONE}.
     * (A shell-form RUN is a {@link RunScript}, which also reads its here-documents.)
     */
    static ShellScript commandOf(Instruction i) {
        List<String> args = i.args();
        if (i.is("healthcheck")) {
            if (args.isEmpty() || !args.get(0).equalsIgnoreCase("cmd")) {
                return ShellScript.parse("");
            }
            args = args.subList(1, args.size());
            if (!i.isJsonForm()) {
                return ShellScript.parse(args.isEmpty() ? "" : args.get(0));
            }
        } else if (!i.isJsonForm()) {
            return ShellScript.parse(i.arguments());
        }
        Optional<String> script = shellScript(args);
        if (script.isPresent()) {
            return ShellScript.parse(script.get());
        }
        StringBuilder text = new StringBuilder();
        for (String a : args) {
            text.append(text.length() == 0 ? "" : " ").append('\'').append(a.replace("'", "'\\''")).append('\'');
        }
        return ShellScript.parse(text.toString());
    }

    /**
     * The script a shell runs with {@code -c}: {@code sh -c 'script'}, {@code bash -lc 'script'},
     * {@code sh -e -c 'script'}, given the words of the command (program first); empty otherwise.
     */
    static Optional<String> shellScript(List<String> words) {
        if (words.size() < 3 || !words.get(0).endsWith("sh")) {
            return Optional.empty();
        }
        int k = 1;
        boolean dashC = false;
        while (k < words.size() - 1 && words.get(k).matches("-[A-Za-z]+")) {
            dashC |= words.get(k).indexOf('c') > 0;
            k++;
        }
        return dashC ? Optional.of(words.get(k)) : Optional.empty();
    }

    /** The program and its subcommand, for messages: {@code apt-get install}, {@code npm run build}. */
    static String describe(ShellCommand command) {
        String program = command.programName().orElse("");
        String sub = command.subcommand().map(w -> " " + w.value()).orElse("");
        if ((program.equals("npm") || program.equals("yarn") || program.equals("pnpm"))
                && (sub.equals(" run") || sub.equals(" run-script"))) {
            sub += operands(command, Set.of()).stream().findFirst().map(w -> " " + w.value()).orElse("");
        }
        return program + sub;
    }

    /**
     * The command to append after {@code like}, run the same way: with {@code sudo} in front when
     * {@code like} ran with sudo (a clean-up of root's files fails without it).
     */
    static String runLike(ShellCommand like, String command) {
        return !like.words().isEmpty() && like.words().get(0).value().equals("sudo") ? "sudo " + command : command;
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
