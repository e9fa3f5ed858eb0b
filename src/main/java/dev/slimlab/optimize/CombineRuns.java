package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Element;
import dev.slimlab.dockerfile.Flag;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ResolvedStage;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.TextRange;
import dev.slimlab.dockerfile.Trivia;
import dev.slimlab.dockerfile.Variables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DL3059: consecutive shell-form RUNs of a stage become one RUN joined with {@code &&}, one
 * layer instead of several. A RUN that changes the shell's state ({@code cd}, {@code export},
 * {@code set}...) is wrapped in a subshell {@code ( … )} so that the state does not reach the
 * commands merged after it; a RUN with {@code ;} or {@code ||} merged after another is wrapped
 * too, so that a failure before it still stops the build.
 */
final class CombineRuns extends BaseOptimization {

    /** Builtins whose effect outlives the command: merged, they would change what later commands do. */
    private static final Set<String> STATEFUL = Set.of("cd", "pushd", "popd", "export", "unset", "set", "source",
            ".", "umask", "alias", "unalias", "shopt", "ulimit", "trap", "exec", "exit", "return", "readonly",
            "declare", "typeset", "local", "eval", "hash", "shift", "read", "getopts", "for", "select");

    /** Reserved words that start a compound command: the command that matters comes after them. */
    private static final Set<String> RESERVED = Set.of("!", "{", "}", "if", "then", "else", "elif", "fi", "do",
            "done", "while", "until", "time");

    private static final String DEFAULT_INDENT = "    ";

    CombineRuns() {
        super("combine-runs", "Combine consecutive RUN instructions", Category.LAYERS, Risk.LOW,
                "The commands run as before, one after the other in one shell, and a failure still stops the "
                        + "build; a RUN that changes the shell's state (cd, export, set) runs in a subshell so the "
                        + "state does not leak. What changes is caching: editing one command rebuilds the whole "
                        + "merged RUN, and a RUN that used to be cached separately runs again.",
                "DL3059");
    }

    /** How a RUN's top-level script is built: what merging it has to take care of. */
    private record Shape(boolean background, boolean comment, boolean listOperators, String stateCommand,
                         int trailingSemicolon) {

        boolean changesState() {
            return stateCommand != null;
        }
    }

    /** A RUN in a group, with the blank lines between it and the RUN before it. */
    private record Member(Instruction run, Shape shape, List<Trivia> blanksBefore) {

        boolean wrapped(int index, int last) {
            return index < last && shape.changesState() || index > 0 && shape.listOperators();
        }
    }

    private record Group(List<Member> members) {

        int line() {
            return members.get(0).run().line();
        }

        String lines() {
            return members.stream().map(m -> String.valueOf(m.run().line())).collect(Collectors.joining(", "));
        }

        String excerpt() {
            return members.stream().map(m -> m.run().logicalLine()).collect(Collectors.joining("\n"));
        }

        /** Why some RUNs go into a subshell, or "". */
        String subshells() {
            List<String> why = new ArrayList<>();
            int last = members.size() - 1;
            for (int k = 0; k <= last; k++) {
                Member m = members.get(k);
                if (m.wrapped(k, last)) {
                    why.add("line " + m.run().line() + (k < last && m.shape().changesState()
                            ? " (its " + m.shape().stateCommand() + " must not carry over into the next commands)"
                            : " (its ; or || must not hide a failure before it)"));
                }
            }
            return why.isEmpty() ? "" : "; in a subshell ( … ): " + String.join(", ", why);
        }
    }

    private record Scan(List<Group> groups, List<Finding> skipped) {
    }

    private Scan scan(Project project) {
        Dockerfile dockerfile = project.dockerfile();
        Map<Instruction, String> stageReasons = stageReasons(project);
        List<Group> groups = new ArrayList<>();
        List<Finding> skipped = new ArrayList<>();
        Instruction previous = null;
        List<Member> group = new ArrayList<>();
        List<Trivia> blanks = new ArrayList<>();
        boolean comment = false;
        for (Element element : dockerfile.elements()) {
            if (element instanceof Trivia trivia) {
                if (trivia.kind() == Trivia.Kind.BLANK) {
                    blanks.add(trivia);
                } else {
                    comment = true;
                }
                continue;
            }
            Instruction instruction = (Instruction) element;
            if (!instruction.is("run")) {
                close(group, groups);
                previous = null;
            } else {
                if (previous != null) {
                    String reason = whyNot(previous, instruction, comment, stageReasons);
                    if (reason == null) {
                        if (group.isEmpty()) {
                            group.add(new Member(previous, shape(previous).orElseThrow(), List.of()));
                        }
                        group.add(new Member(instruction, shape(instruction).orElseThrow(), blanks));
                    } else {
                        close(group, groups);
                        skipped.add(Finding.notApplicable(id(), instruction.line(), instruction.logicalLine(),
                                "not merged with the RUN on line " + previous.line() + ": " + reason));
                    }
                }
                previous = instruction;
            }
            blanks = new ArrayList<>();
            comment = false;
        }
        close(group, groups);
        return new Scan(groups, skipped);
    }

    private static void close(List<Member> group, List<Group> groups) {
        if (group.size() >= 2) {
            groups.add(new Group(List.copyOf(group)));
        }
        group.clear();
    }

    /** Why two consecutive RUNs must stay apart, or null if they can be merged. */
    private static String whyNot(Instruction earlier, Instruction later, boolean comment,
                                 Map<Instruction, String> stageReasons) {
        if (comment) {
            return "a comment stands between them and stays with its RUN";
        }
        String stage = stageReasons.get(later);
        if (stage != null) {
            return stage;
        }
        for (Instruction run : List.of(earlier, later)) {
            if (run.isJsonForm()) {
                return "the RUN on line " + run.line() + " is in JSON (exec) form: no shell runs it to join commands";
            }
            if (!run.heredocs().isEmpty()) {
                return "the RUN on line " + run.line() + " has a here-document";
            }
        }
        if (!flags(earlier).equals(flags(later))) {
            return "their flags differ (" + describeFlags(earlier) + " vs " + describeFlags(later)
                    + "): merged, one would get the other's mounts or settings";
        }
        for (Instruction run : List.of(earlier, later)) {
            Optional<Shape> shape = shape(run);
            if (shape.isEmpty()) {
                return "the RUN on line " + run.line() + " cannot be edited in place";
            }
            if (shape.get().background()) {
                return "the RUN on line " + run.line() + " starts a command in the background (&): merged, it "
                        + "would keep running while the next commands run";
            }
            if (shape.get().comment()) {
                return "the RUN on line " + run.line() + " has a shell comment (#): commands joined after it "
                        + "would be commented out";
            }
        }
        return null;
    }

    private static List<String> flags(Instruction run) {
        return run.flags().stream().map(Flag::text).sorted().toList();
    }

    private static String describeFlags(Instruction run) {
        return run.flags().isEmpty() ? "none" : run.flags().stream().map(Flag::text).collect(Collectors.joining(" "));
    }

    /**
     * RUNs whose stage does not run them with a POSIX shell: the file is a Windows Dockerfile
     * ({@code # escape=`}, a Windows base image), or a SHELL instruction came before them in the
     * stage or in the stage it is built FROM.
     */
    private static Map<Instruction, String> stageReasons(Project project) {
        Dockerfile dockerfile = project.dockerfile();
        Map<Instruction, String> reasons = new IdentityHashMap<>();
        List<Stage> stages = dockerfile.stages();
        List<Integer> bases = baseStages(project, stages);
        Map<Integer, Boolean> endsWithShell = new HashMap<>();
        for (Stage stage : stages) {
            String image = stage.baseImage().toLowerCase(Locale.ROOT);
            String reason = null;
            if (dockerfile.escape() == '`') {
                reason = "the file sets escape=` (a Windows Dockerfile): its RUNs run in cmd or PowerShell, where "
                        + "&& and \\ continuation mean something else";
            } else if (image.contains("windows") || image.contains("nanoserver") || image.contains("servercore")) {
                reason = "the stage is built on a Windows image: its RUNs run in cmd or PowerShell";
            } else if (bases.get(stage.index()) != null && endsWithShell.getOrDefault(bases.get(stage.index()), false)) {
                reason = "the stage is built FROM a stage that sets SHELL: && and \\ may not mean the same there";
            }
            for (Instruction i : stage.instructions()) {
                if (i.is("shell") && reason == null) {
                    reason = "the SHELL instruction on line " + i.line() + " changes the shell: && and \\ may not "
                            + "mean the same there";
                }
                if (reason != null && i.is("run")) {
                    reasons.put(i, reason);
                }
            }
            endsWithShell.put(stage.index(), reason != null && reason.contains("SHELL"));
        }
        return reasons;
    }

    /** For each stage, the index of the earlier stage it is built FROM, or null. */
    private static List<Integer> baseStages(Project project, List<Stage> stages) {
        List<Integer> bases = new ArrayList<>();
        try {
            for (ResolvedStage r : Variables.resolve(project.dockerfile(), project.buildArgs())) {
                bases.add(r.baseStage().orElse(null));
            }
            return bases;
        } catch (Exception e) {
            bases.clear();
        }
        Map<String, Integer> names = new HashMap<>();
        for (Stage stage : stages) {
            bases.add(names.get(stage.baseImage().toLowerCase(Locale.ROOT)));
            stage.name().ifPresent(n -> names.put(n, stage.index()));
        }
        return bases;
    }

    /** The shape of a shell-form RUN's script; empty if it has none that can be edited in place. */
    private static Optional<Shape> shape(Instruction run) {
        if (run.isJsonForm() || !run.heredocs().isEmpty() || run.argumentsRange().isEmpty()
                || run.arguments().isEmpty()) {
            return Optional.empty();
        }
        Optional<ShellScript> parsed = ShellScript.of(run);
        if (parsed.isEmpty() || parsed.get().commands().isEmpty()) {
            return Optional.empty();
        }
        ShellScript script = parsed.get();
        String text = script.text();
        int offset = script.offset();
        boolean[] covered = new boolean[text.length()];
        for (ShellCommand c : script.commands()) {
            for (List<ShellWord> words : List.of(c.assignments(), c.words(), c.redirections())) {
                for (ShellWord w : words) {
                    for (int p = Math.max(0, w.start() - offset); p < Math.min(text.length(), w.end() - offset); p++) {
                        covered[p] = true;
                    }
                }
            }
        }
        int[] depthAt = new int[text.length() + 1];
        int depth = 0;
        boolean complex = false;
        boolean background = false;
        boolean comment = false;
        boolean orList = false;
        int semicolons = 0;
        int lastSemicolon = -1;
        for (int p = 0; p < text.length(); p++) {
            depthAt[p] = depth;
            if (covered[p]) {
                continue;
            }
            char ch = text.charAt(p);
            char next = p + 1 < text.length() ? text.charAt(p + 1) : 0;
            switch (ch) {
                case '#' -> {
                    comment = true;
                    while (p + 1 < text.length() && text.charAt(p + 1) != '\n') {
                        depthAt[++p] = depth;
                    }
                }
                case '(' -> depth++;
                case ')' -> {
                    depth--;
                    if (depth < 0) {
                        complex = true;
                        depth = 0;
                    }
                }
                case '&' -> {
                    if (next == '&') {
                        depthAt[++p] = depth;
                    } else if (depth == 0) {
                        background = true;
                    }
                }
                case '|' -> {
                    if (next == '|') {
                        orList |= depth == 0;
                        depthAt[++p] = depth;
                    } else if (next == '&') {
                        depthAt[++p] = depth;
                    }
                }
                case ';' -> {
                    if (next == ';') {
                        complex = true;
                        depthAt[++p] = depth;
                    } else if (depth == 0) {
                        semicolons++;
                        lastSemicolon = p;
                    }
                }
                case '\n' -> orList |= depth == 0;
                default -> {
                }
            }
        }
        depthAt[text.length()] = depth;
        complex |= depth != 0;
        int lastNonBlank = text.length() - 1;
        while (lastNonBlank >= 0 && Character.isWhitespace(text.charAt(lastNonBlank))) {
            lastNonBlank--;
        }
        int trailing = -1;
        if (lastSemicolon >= 0 && lastSemicolon == lastNonBlank) {
            int start = lastSemicolon;
            while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
                start--;
            }
            trailing = offset + start;
            semicolons--;
        }
        String state = complex ? "compound command" : null;
        for (ShellCommand c : script.commands()) {
            if (state != null) {
                break;
            }
            int at = Math.max(0, Math.min(text.length(), c.start() - offset));
            if (depthAt[at] > 0) {
                continue;
            }
            List<ShellWord> words = c.words();
            int w = 0;
            while (w < words.size() && RESERVED.contains(words.get(w).value())) {
                w++;
            }
            if (w == words.size()) {
                if (!c.assignments().isEmpty()) {
                    state = "variable assignment";
                }
            } else if (STATEFUL.contains(words.get(w).value())) {
                state = words.get(w).value();
            }
        }
        return Optional.of(new Shape(background, comment, orList || semicolons > 0 || complex, state, trailing));
    }

    @Override
    public List<Finding> findings(Project project) {
        Scan scan;
        try {
            scan = scan(project);
        } catch (RuntimeException e) {
            return List.of(Finding.nothingToDo(id(), "the RUN instructions could not be read: " + e.getMessage()));
        }
        List<Finding> findings = new ArrayList<>();
        for (Group g : scan.groups()) {
            findings.add(Finding.applies(id(), g.line(), g.excerpt(), "the RUNs on lines " + g.lines()
                    + " can be one RUN joined with &&: each RUN adds a layer, and what one RUN deletes still "
                    + "takes space in the layer of an earlier one" + g.subshells()));
        }
        findings.addAll(scan.skipped());
        findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return orNothingToDo(findings, "no consecutive RUN instructions");
    }

    @Override
    public Applied apply(Project project) {
        List<Group> groups;
        try {
            groups = scan(project).groups();
        } catch (RuntimeException e) {
            return Applied.unchanged(project);
        }
        List<Group> kept = new ArrayList<>(groups);
        Dockerfile result = groups.isEmpty() ? null : edited(project, groups);
        if (result == null && groups.size() > 1) { // some group's edits fail: keep the ones that work
            kept.clear();
            for (Group g : groups) {
                List<Group> trial = new ArrayList<>(kept);
                trial.add(g);
                if (edited(project, trial) != null) {
                    kept.add(g);
                }
            }
            result = kept.isEmpty() ? null : edited(project, kept);
        }
        if (result == null) {
            return Applied.unchanged(project);
        }
        List<ChangeNote> notes = new ArrayList<>();
        for (Group g : kept) {
            notes.add(new ChangeNote(id(), g.line(), "RUNs on lines " + g.lines() + " combined" + g.subshells()));
        }
        return new Applied(project.withDockerfile(result), notes);
    }

    /** The Dockerfile with the groups merged by one editor, or null if the edits fail. */
    private static Dockerfile edited(Project project, List<Group> groups) {
        try {
            DockerfileEditor editor = project.dockerfile().editor();
            for (Group g : groups) {
                merge(editor, g);
            }
            return editor.apply();
        } catch (RuntimeException e) {
            return null; // never throws: a rewrite that does not parse is not made
        }
    }

    /** Joins the group's RUNs into the first: later RUN keywords become continuation indentation. */
    private static void merge(DockerfileEditor editor, Group group) {
        List<Member> members = group.members();
        String indent = continuationIndent(members.get(0).run());
        int last = members.size() - 1;
        for (int k = 0; k <= last; k++) {
            Member m = members.get(k);
            Instruction run = m.run();
            TextRange args = run.argumentsRange().orElseThrow();
            boolean wrap = m.wrapped(k, last);
            if (k > 0) {
                m.blanksBefore().forEach(editor::remove); // the blank lines between the two RUNs
                int own = indentation(run.text());
                if (own > 0) {
                    editor.editText(run, new TextRange(0, own), "");
                }
                editor.edit(run, new TextRange(run.keywordRange().start(), args.start()), indent + (wrap ? "(" : ""));
            } else if (wrap) {
                editor.edit(run, new TextRange(args.start(), args.start()), "(");
            }
            boolean strip = m.shape().trailingSemicolon() >= 0 && (wrap || k < last);
            String tail = (wrap ? ")" : "") + (k < last ? " && \\" : "");
            if (strip || !tail.isEmpty()) {
                int from = strip ? m.shape().trailingSemicolon() : args.end();
                editor.edit(run, new TextRange(from, run.logicalLine().length()), tail);
            }
        }
    }

    /** The indentation of the first RUN's continuation lines, or its own indentation plus four spaces. */
    private static String continuationIndent(Instruction first) {
        String text = first.text();
        int nl = text.indexOf('\n');
        if (nl >= 0 && nl + 1 < text.length()) {
            String second = text.substring(nl + 1);
            int n = indentation(second);
            if (n > 0 && n < second.length() && second.charAt(n) != '\n' && second.charAt(n) != '\r') {
                return second.substring(0, n);
            }
        }
        return text.substring(0, indentation(text)) + DEFAULT_INDENT;
    }

    private static int indentation(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
