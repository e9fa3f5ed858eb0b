package dev.slimlab.optimize;

import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A RUN as the runtime stage of {@code multi-stage} keeps it: unchanged, dropped, or with some
 * commands or build-only apt packages removed (the builder stage keeps it whole).
 *
 * @param text            the RUN's new text when it changed and stays
 * @param removedPackages the build-only packages taken out of its apt installs
 */
record RuntimeRun(boolean changed, boolean drop, String text, List<String> removedPackages) {

    /** Folders of caches and package lists: removing them does nothing for the image once the work is gone. */
    private static final List<String> SCRATCH_PATHS = List.of("/var/lib/apt/lists", "/var/cache/apt",
            "/root/.cache", "/tmp", "~/.cache");

    /**
     * The RUN without the commands {@code remove} selects and without build-only apt packages;
     * dropped entirely when what is left only cleans up after the removed work.
     */
    static RuntimeRun of(SingleStage stage, Instruction run, Predicate<ShellCommand> remove) {
        Set<String> removedPackages = new LinkedHashSet<>();
        List<Consumer<DockerfileEditor>> edits = new ArrayList<>();
        List<RunScript> scripts = stage.scripts(run);
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
                } else {
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
            return new RuntimeRun(false, false, null, List.of());
        }
        if (onlyNeutralLeft) {
            return new RuntimeRun(true, true, null, List.copyOf(removedPackages));
        }
        String text = StageSplit.edited(stage.dockerfile(), run, editor -> edits.forEach(e -> e.accept(editor)));
        return new RuntimeRun(true, false, text, List.copyOf(removedPackages));
    }

    /** Puts the RUN into the runtime stage as this says: dropped, replaced, or as written. */
    void applyTo(StageSplit split, Instruction run) {
        if (drop) {
            split.dropFromRuntime(run);
        } else if (changed) {
            split.replaceInRuntime(run, text);
        }
    }

    /** A command that does nothing for the image once the work around it is gone (apt-get update, rm of caches). */
    static boolean neutral(ShellCommand c) {
        if (c.commandWords().isEmpty()) {
            return true;
        }
        if (SystemPackages.isApt(c)) {
            return c.subcommand().map(w -> SystemPackages.APT_HOUSEKEEPING.contains(w.value())).orElse(false);
        }
        return switch (c.programName().orElse("")) {
            case "cd", "set", "true", ":" -> true;
            case "rm" -> {
                List<String> targets = c.arguments().stream().map(ShellWord::value).filter(v -> !v.startsWith("-"))
                        .toList();
                yield !targets.isEmpty() && targets.stream().allMatch(t -> SCRATCH_PATHS.stream()
                        .anyMatch(p -> t.equals(p) || t.startsWith(p + "/")));
            }
            default -> false;
        };
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
}
