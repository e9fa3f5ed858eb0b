package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.TextRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code COPY src /app} followed by {@code RUN chown -R app /app} stores every copied file twice:
 * once in the COPY's layer, again in the RUN's layer with the new owner. {@code COPY --chown=app}
 * writes them once, already owned by {@code app}.
 */
final class CopyChown extends BaseOptimization {

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?");
    private static final Set<String> CREATES_USERS = Set.of("useradd", "adduser", "groupadd", "addgroup");
    private static final Set<String> PLAIN_OPERATORS = Set.of("&&", ";", "\n", "");
    private static final Set<String> QUIET_OPTIONS = Set.of("-v", "-c", "-f", "--verbose", "--changes", "--silent",
            "--quiet");
    /** Where the base image's WORKDIR stands in for a folder SlimLab cannot see. */
    private static final String BASE_WORKDIR = "@base";
    private static final String[] ARCHIVES = {".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2",
        ".tar.zst"};

    CopyChown() {
        super("copy-chown", "COPY --chown instead of a later chown -R", Category.LAYERS, Risk.LOW,
                "Only the copied files get the owner: files that later steps create in the folder stay owned by "
                        + "root (the chown -R used to cover them), and so do files the base image already had "
                        + "there; when a WORKDIR made the folder before the COPY, a chown of the folder itself (not "
                        + "recursive) is kept. COPY --chown needs the user to exist when the COPY runs, so a user "
                        + "created after the COPY makes it not applicable.",
                null);
    }

    /**
     * A COPY and the chown that can become its {@code --chown}.
     *
     * @param copy       the COPY or ADD
     * @param run        the RUN script with the chown
     * @param chown      the chown command
     * @param owner      {@code user[:group]}
     * @param path       the folder or file, resolved
     * @param folderExisted true: the folder existed before the COPY (a WORKDIR or mkdir made it)
     * @param systemFolder  true: the folder is where base images keep files ({@code /usr}, {@code /etc}...)
     */
    private record Site(DockerfileFacts.Copy copy, RunScript run, ShellCommand chown, String owner, String path,
                        boolean folderExisted, boolean systemFolder) {

        boolean keepFolder() {
            return folderExisted || systemFolder;
        }
    }

    /** A {@code chown} command read: options, owner, paths. */
    private record Chown(boolean recursive, boolean unusualOptions, String owner, List<ShellWord> paths) {
    }

    private record Scan(List<Site> sites, List<Finding> skipped) {
    }

    private Scan scan(Project project) {
        List<Site> sites = new ArrayList<>();
        List<Finding> skipped = new ArrayList<>();
        Map<Instruction, List<RunScript>> scripts = new IdentityHashMap<>();
        for (RunScript s : RunScript.of(project.dockerfile())) {
            scripts.computeIfAbsent(s.instruction(), k -> new ArrayList<>()).add(s);
        }
        for (Stage stage : project.dockerfile().stages()) {
            List<Instruction> body = stage.instructions();
            List<String> workdirs = workdirs(body);
            for (int c = 0; c < body.size(); c++) {
                try {
                    scanCopy(body, workdirs, c, scripts, sites, skipped);
                } catch (RuntimeException e) {
                    // skip a site that cannot be read
                }
            }
        }
        return new Scan(sites, skipped);
    }

    /** The working directory before each instruction of a stage ({@code @base} for the base image's). */
    private static List<String> workdirs(List<Instruction> body) {
        List<String> before = new ArrayList<>();
        String wd = BASE_WORKDIR;
        for (Instruction i : body) {
            before.add(wd);
            if (i.is("workdir") && !i.args().isEmpty()) {
                String dir = i.args().get(0);
                wd = dir.contains("$") ? "@workdir-line-" + i.line() : resolve(dir, wd);
            }
        }
        before.add(wd);
        return before;
    }

    /** A path as seen from {@code wd}, cleaned; null if it cannot be known (variables, globs, home). */
    private static String resolve(String path, String wd) {
        if (path.isEmpty() || path.contains("$") || path.contains("*") || path.contains("?") || path.startsWith("~")) {
            return null;
        }
        return DockerfileFacts.cleanPath(path.startsWith("/") ? path : wd + "/" + path);
    }

    private void scanCopy(List<Instruction> body, List<String> workdirs, int c, Map<Instruction, List<RunScript>> scripts,
                          List<Site> sites, List<Finding> skipped) {
        DockerfileFacts.Copy copy = DockerfileFacts.copy(body.get(c)).orElse(null);
        if (copy == null || copy.isAdd() && copy.sources().stream().anyMatch(CopyChown::remoteOrArchive)) {
            return;
        }
        String dest = resolve(copy.destination(), workdirs.get(c));
        if (dest == null) {
            return;
        }
        // what was in the destination before the COPY
        boolean folderExists = dest.equals(workdirs.get(c));
        String before = null;
        for (int j = 0; j < c && before == null; j++) {
            Instruction i = body.get(j);
            String wdBefore = workdirs.get(j);
            if (i.is("workdir") && workdirs.get(j + 1).equals(dest)) {
                folderExists = true;
            } else if (i.is("workdir") && DockerfileFacts.isWithin(workdirs.get(j + 1), dest)) {
                before = "the WORKDIR on line " + i.line() + " made " + workdirs.get(j + 1) + " inside it before the COPY";
            } else if (DockerfileFacts.copy(i).map(o -> within(resolve(o.destination(), wdBefore), dest))
                    .orElse(false)) {
                before = "files copied on line " + i.line() + " are already in " + dest
                        + " and would keep their owner";
            } else if (i.is("run")) {
                for (RunScript s : scripts.getOrDefault(i, List.of())) {
                    for (ShellCommand command : s.script().commands()) {
                        if (mentions(command, dest, wdBefore)) {
                            if (command.programName().orElse("").equals("mkdir")
                                    && !mentionsInside(command, dest, wdBefore)) {
                                folderExists = true;
                            } else if (before == null) {
                                before = "the RUN on line " + i.line() + " (" + s.excerpt(command) + ") put files in "
                                        + dest + " before the COPY; they would keep their owner";
                            }
                        }
                    }
                }
            }
        }
        String between = null;
        Map<String, Integer> created = new LinkedHashMap<>(); // users and groups created after the COPY
        for (int j = c + 1; j < body.size(); j++) {
            Instruction i = body.get(j);
            String wd = workdirs.get(j);
            if (DockerfileFacts.copy(i).map(o -> within(resolve(o.destination(), wd), dest)).orElse(false)
                    && between == null) {
                between = "the " + i.keyword() + " on line " + i.line() + " also writes into " + dest
                        + ": its files would not get the owner";
                continue;
            }
            if (!i.is("run")) {
                continue;
            }
            for (RunScript s : scripts.getOrDefault(i, List.of())) {
                boolean cd = false;
                List<ShellCommand> commands = s.script().commands();
                for (int k = 0; k < commands.size(); k++) {
                    ShellCommand command = commands.get(k);
                    String program = command.programName().orElse("");
                    Chown chown = program.equals("chown") ? readChown(command) : null;
                    String cwd = cd ? "@after-cd" : wd;
                    String target = chown != null && chown.paths().size() == 1
                            ? resolve(chown.paths().get(0).value(), cwd) : null;
                    if (chown != null && chown.paths().size() > 1 && chown.paths().stream()
                            .anyMatch(p -> dest.equals(resolve(p.value(), cwd)))) {
                        skipped.add(notApplicable(copy, s, command, "the chown on line " + i.line()
                                + " changes several paths at once"));
                        return;
                    }
                    if (dest.equals(target)) {
                        String reason = reason(copy, chown, s, k, dest, before, between, created);
                        if (reason != null) {
                            skipped.add(notApplicable(copy, s, command, reason));
                        } else {
                            sites.add(new Site(copy, s, command, chown.owner(), dest, folderExists,
                                    systemFolder(dest)));
                        }
                        return;
                    }
                    if (CREATES_USERS.contains(program)) {
                        for (ShellWord w : command.arguments()) {
                            created.putIfAbsent(w.value(), i.line());
                        }
                    }
                    if (program.equals("cd") || program.equals("pushd")) {
                        cd = true;
                    }
                    boolean inside = !cd && DockerfileFacts.isWithin(wd, dest);
                    if (between == null && (inside || mentions(command, dest, cwd))) {
                        between = "the RUN on line " + i.line() + " (" + s.excerpt(command) + ") "
                                + (inside ? "runs in " + wd + " (the WORKDIR)" : "touches " + dest)
                                + " before the chown: what it creates there would stay owned by root";
                    }
                }
            }
        }
    }

    private static boolean within(String path, String folder) {
        return path != null && DockerfileFacts.isWithin(path, folder);
    }

    /** Why the chown cannot become the COPY's --chown, or null. */
    private static String reason(DockerfileFacts.Copy copy, Chown chown, RunScript s, int index, String dest,
                                 String before, String between, Map<String, Integer> created) {
        Instruction copyInstruction = copy.instruction();
        if (copyInstruction.flag("chown").isPresent()) {
            return "the " + copyInstruction.keyword() + " already has --chown";
        }
        if (!chown.recursive()) {
            return "the chown is not recursive (-R): it changes only " + dest + " itself, not the copied files";
        }
        if (chown.unusualOptions()) {
            return "the chown has options --chown cannot express";
        }
        if (!OWNER.matcher(chown.owner()).matches() || chown.owner().contains(".") && !chown.owner().contains(":")) {
            return "the owner " + chown.owner() + " is not a plain user[:group] (variables, user.group)";
        }
        if (dest.startsWith("@")) {
            return "the destination is relative to a WORKDIR SlimLab cannot see (the base image's, or one with variables)";
        }
        if (before != null) {
            return before;
        }
        if (between != null) {
            return between;
        }
        for (String name : chown.owner().split(":")) {
            if (created.containsKey(name)) {
                return "the user or group " + name + " is created on line " + created.get(name) + ", after the "
                        + copyInstruction.keyword() + ": --chown needs it to exist when the "
                        + copyInstruction.keyword() + " runs";
            }
        }
        List<ShellCommand> commands = s.script().commands();
        ShellCommand command = commands.get(index);
        String previous = index == 0 ? "" : commands.get(index - 1).operator();
        if (!PLAIN_OPERATORS.contains(previous) || !PLAIN_OPERATORS.contains(command.operator())
                || !plainGap(s, index)) {
            return "the chown is part of a pipeline, a || list or a compound command";
        }
        return null;
    }

    /** True if only blanks and plain operators stand around the command (no subshell, no braces). */
    private static boolean plainGap(RunScript s, int index) {
        List<ShellCommand> commands = s.script().commands();
        String text = s.script().text();
        int offset = s.script().offset();
        int from = index == 0 ? 0 : commands.get(index - 1).end() - offset;
        int to = commands.get(index).start() - offset;
        int after = index + 1 < commands.size() ? commands.get(index + 1).start() - offset : text.length();
        String gap = text.substring(from, to) + text.substring(commands.get(index).end() - offset, after);
        for (char ch : gap.toCharArray()) {
            if (" \t\r\n&;\\".indexOf(ch) < 0) {
                return false;
            }
        }
        return commands.get(index).words().get(0).value().equals("chown")
                || commands.get(index).words().get(0).value().equals("sudo");
    }

    private static Chown readChown(ShellCommand command) {
        boolean recursive = false;
        boolean unusual = !command.redirections().isEmpty() || !command.assignments().isEmpty();
        String owner = null;
        List<ShellWord> paths = new ArrayList<>();
        boolean options = true;
        for (ShellWord w : command.arguments()) {
            String v = w.value();
            if (options && v.equals("--")) {
                options = false;
            } else if (options && v.startsWith("--")) {
                if (v.equals("--recursive")) {
                    recursive = true;
                } else if (!QUIET_OPTIONS.contains(v)) {
                    unusual = true;
                }
            } else if (options && v.startsWith("-") && v.length() > 1) {
                for (char ch : v.substring(1).toCharArray()) {
                    if (ch == 'R') {
                        recursive = true;
                    } else if ("vcf".indexOf(ch) < 0) {
                        unusual = true;
                    }
                }
            } else if (owner == null) {
                owner = v;
                options = false;
            } else {
                paths.add(w);
            }
        }
        return owner == null ? null : new Chown(recursive, unusual, owner, paths);
    }

    /** True if one of the command's words names {@code folder} or a path inside it. */
    private static boolean mentions(ShellCommand command, String folder, String wd) {
        return mentions(command, folder, wd, false);
    }

    /** True if one of the command's words names a path inside {@code folder} (not the folder itself). */
    private static boolean mentionsInside(ShellCommand command, String folder, String wd) {
        return mentions(command, folder, wd, true);
    }

    private static boolean mentions(ShellCommand command, String folder, String wd, boolean strictlyInside) {
        for (ShellWord w : command.words()) {
            String value = w.value();
            int eq = value.indexOf('=');
            for (String candidate : eq > 0 ? List.of(value, value.substring(eq + 1)) : List.of(value)) {
                boolean pathLike = candidate.startsWith("/") || candidate.startsWith(".") || candidate.contains("/");
                String resolved = pathLike && !candidate.startsWith("-") ? resolve(candidate, wd) : null;
                if (resolved != null && DockerfileFacts.isWithin(resolved, folder)
                        && !(strictlyInside && resolved.equals(folder))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean remoteOrArchive(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        if (s.contains("://") || s.startsWith("git@")) {
            return true;
        }
        for (String a : ARCHIVES) {
            if (s.endsWith(a)) {
                return true;
            }
        }
        return false;
    }

    private Finding notApplicable(DockerfileFacts.Copy copy, RunScript run, ShellCommand chown, String reason) {
        return Finding.notApplicable(id(), copy.instruction().line(), copy.instruction().logicalLine(),
                "not merged with `" + run.excerpt(chown) + "` (line " + run.line() + "): " + reason);
    }

    private static String folderNote(Site s) {
        if (s.folderExisted()) {
            return "; `chown " + s.owner() + " " + s.path() + "` (not recursive) stays for the folder itself, which "
                    + "existed before the COPY";
        }
        if (s.systemFolder()) {
            return "; `chown " + s.owner() + " " + s.path() + "` (not recursive) stays for the folder itself, and "
                    + "files the base image may already have in " + s.path() + " would keep their owner: check them";
        }
        return "";
    }

    /** Folders where base images keep files of their own. */
    private static final List<String> SYSTEM_FOLDERS = List.of("/usr", "/etc", "/var", "/home", "/root", "/lib");

    private static boolean systemFolder(String path) {
        return SYSTEM_FOLDERS.stream().anyMatch(f -> path.startsWith(f + "/"));
    }

    @Override
    public List<Finding> findings(Project project) {
        Scan scan = scan(project);
        List<Finding> findings = new ArrayList<>();
        for (Site s : scan.sites()) {
            Instruction copy = s.copy().instruction();
            findings.add(Finding.applies(id(), copy.line(), copy.logicalLine(), "add --chown=" + s.owner()
                    + " and drop `" + s.run().excerpt(s.chown()) + "` from the RUN on line " + s.run().line()
                    + ": chown -R writes every copied file again into a new layer, so the image holds them twice"
                    + folderNote(s)));
        }
        findings.addAll(scan.skipped());
        findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return orNothingToDo(findings, "no COPY followed by a chown -R of what it copied");
    }

    @Override
    public Applied apply(Project project) {
        List<Site> sites;
        try {
            sites = scan(project).sites();
        } catch (RuntimeException e) {
            return Applied.unchanged(project);
        }
        List<Site> kept = new ArrayList<>(sites);
        Dockerfile result = sites.isEmpty() ? null : edited(project, sites);
        if (result == null && sites.size() > 1) { // some site's edits fail: keep the ones that work
            kept.clear();
            for (Site s : sites) {
                List<Site> trial = new ArrayList<>(kept);
                trial.add(s);
                if (edited(project, trial) != null) {
                    kept.add(s);
                }
            }
            result = kept.isEmpty() ? null : edited(project, kept);
        }
        if (result == null) {
            return Applied.unchanged(project);
        }
        List<ChangeNote> notes = new ArrayList<>();
        for (Site s : kept) {
            notes.add(new ChangeNote(id(), s.copy().instruction().line(), "--chown=" + s.owner() + " added; `"
                    + s.run().excerpt(s.chown()) + "` on line " + s.run().line()
                    + (s.keepFolder() ? " made non-recursive" : " removed")));
        }
        return new Applied(project.withDockerfile(result), notes);
    }

    /** The Dockerfile with the sites' edits made by one editor, or null if they fail. */
    private static Dockerfile edited(Project project, List<Site> sites) {
        try {
            DockerfileEditor editor = project.dockerfile().editor();
            Map<RunScript, List<ShellCommand>> removals = new LinkedHashMap<>();
            for (Site s : sites) {
                editor.withFlag(s.copy().instruction(), "chown", s.owner());
                if (s.keepFolder()) {
                    dropRecursive(editor, s);
                } else {
                    removals.computeIfAbsent(s.run(), k -> new ArrayList<>()).add(s.chown());
                }
            }
            removals.forEach((run, commands) -> remove(editor, run, commands));
            return editor.apply();
        } catch (RuntimeException e) {
            return null; // never throws: a rewrite that does not parse is not made
        }
    }

    /** {@code chown -R app /app} → {@code chown app /app}. */
    private static void dropRecursive(DockerfileEditor editor, Site s) {
        List<ShellWord> words = s.chown().words();
        for (int k = 0; k < words.size(); k++) {
            ShellWord w = words.get(k);
            String v = w.value();
            if (v.equals("--recursive") || v.equals("-R")) {
                int end = k + 1 < words.size() ? words.get(k + 1).start() : w.end();
                s.run().replace(editor, new TextRange(w.start(), end), "");
            } else if (v.startsWith("-") && !v.startsWith("--") && v.contains("R")) {
                s.run().replace(editor, w.range(), v.replace("R", ""));
            }
        }
    }

    /** Removes commands from a script, or the whole RUN when nothing else is left in it. */
    private static void remove(DockerfileEditor editor, RunScript run, List<ShellCommand> removed) {
        List<ShellCommand> commands = run.script().commands().stream().filter(c -> !c.words().isEmpty()).toList();
        boolean onlyScript = run.heredoc() == null ? run.instruction().heredocs().isEmpty()
                : run.instruction().heredocs().size() == 1 && ShellScript.of(run.instruction())
                        .map(line -> line.commands().stream().allMatch(c -> c.words().isEmpty())).orElse(false);
        if (removed.size() == commands.size() && onlyScript) {
            editor.remove(run.instruction());
            return;
        }
        List<ShellCommand> all = run.script().commands();
        int i = 0;
        while (i < all.size()) {
            if (!removed.contains(all.get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < all.size() && removed.contains(all.get(j + 1))) {
                j++;
            }
            if (j + 1 < all.size()) {
                run.replace(editor, new TextRange(all.get(i).start(), all.get(j + 1).start()), "");
            } else if (i > 0) {
                run.replace(editor, new TextRange(all.get(i - 1).end(), all.get(j).end()), "");
            }
            i = j + 1;
        }
    }
}
