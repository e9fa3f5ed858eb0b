package dev.slimlab.optimize;

import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Heredoc;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Official python, node, ruby, golang, rust and debian images to Alpine: the {@code -alpine}
 * variant (debian to {@code alpine}), with the stage's apt commands turned into apk commands.
 * Only where every package command of the stage (and of the stages built FROM it) can be mapped.
 */
final class AlpineBase extends BaseOptimization {

    /** Debian package → the Alpine packages that give the same (empty: nothing needed on Alpine). */
    static final Map<String, List<String>> APT_TO_APK = aptToApk();

    private static Map<String, List<String>> aptToApk() {
        Map<String, List<String>> map = new TreeMap<>();
        for (String same : List.of("curl", "wget", "git", "git-lfs", "ca-certificates", "bash", "gcc", "g++", "make",
                "libffi-dev", "python3", "python3-dev", "tzdata", "unzip", "zip", "jq", "tar", "gzip", "bzip2", "gnupg",
                "openssl", "openssh-client", "procps", "tini", "dumb-init", "netcat-openbsd", "less", "vim", "nano",
                "file", "patch", "autoconf", "automake", "libtool", "cmake", "libxml2-dev", "libpng-dev", "gettext",
                "rsync", "imagemagick", "ffmpeg", "nodejs", "npm", "postgresql-client", "sudo", "coreutils",
                "findutils", "grep", "sed", "gawk", "xz-dev", "net-tools", "shadow", "su-exec", "htop")) {
            map.put(same, List.of(same));
        }
        String[][] renamed = {
                {"build-essential", "build-base"}, {"libpq-dev", "postgresql-dev"}, {"libpq5", "libpq"},
                {"libssl-dev", "openssl-dev"}, {"zlib1g-dev", "zlib-dev"}, {"zlib1g", "zlib"},
                {"libjpeg-dev", "jpeg-dev"}, {"libjpeg62-turbo-dev", "jpeg-dev"}, {"libfreetype6-dev", "freetype-dev"},
                {"xz-utils", "xz"}, {"netcat", "netcat-openbsd"}, {"dnsutils", "bind-tools"}, {"iputils-ping", "iputils"},
                {"pkg-config", "pkgconf"}, {"libc6-dev", "musl-dev"}, {"libxslt1-dev", "libxslt-dev"},
                {"libyaml-dev", "yaml-dev"}, {"libsqlite3-dev", "sqlite-dev"}, {"sqlite3", "sqlite"},
                {"default-libmysqlclient-dev", "mariadb-dev"}, {"libmariadb-dev", "mariadb-dev"},
                {"libcurl4-openssl-dev", "curl-dev"}, {"libreadline-dev", "readline-dev"}, {"libbz2-dev", "bzip2-dev"},
                {"liblzma-dev", "xz-dev"}, {"libncurses-dev", "ncurses-dev"}, {"libncurses5-dev", "ncurses-dev"},
                {"libgdbm-dev", "gdbm-dev"}, {"python3-pip", "py3-pip"}, {"python3-venv", "python3"},
                {"redis-tools", "redis"}, {"openssh-server", "openssh-server"}, {"libmagic1", "libmagic"},
        };
        for (String[] r : renamed) {
            map.put(r[0], List.of(r[1]));
        }
        map.put("apt-transport-https", List.of()); // apk speaks HTTPS itself
        map.put("apt-utils", List.of());
        return Map.copyOf(map);
    }

    private static final Set<String> APT = Set.of("apt-get", "apt");
    private static final Set<String> APT_UPGRADE = Set.of("upgrade", "dist-upgrade", "full-upgrade");
    private static final Set<String> DEBIAN_TOOLS = Set.of("aptitude", "dpkg", "dpkg-reconfigure", "dpkg-query",
            "apt-key", "add-apt-repository", "apt-add-repository", "apt-mark", "apt-cache", "debconf-set-selections",
            "locale-gen", "update-locale", "update-alternatives");
    private static final Set<String> SHADOW_TOOLS = Set.of("useradd", "groupadd", "usermod", "userdel", "groupdel");

    AlpineBase() {
        super("alpine-base", "Base images to their Alpine variant", Category.BASE_IMAGE, Risk.HIGH,
                "Alpine uses musl instead of glibc: prebuilt Python wheels and native binaries built for glibc may "
                        + "not install or not run (pip then compiles from source, or fails), DNS resolution and "
                        + "locales behave differently, there is no bash, and apk package names and versions differ "
                        + "from Debian's.",
                null);
    }

    /** What becomes of one shell command. */
    private enum Kind { REWRITE, REMOVE }

    /** A rewrite of one command: edits in the script's offsets, and how it reads before and after. */
    private record CommandChange(RunScript run, ShellCommand command, Kind kind, List<Splice> splices, String note) {
    }

    private record Splice(TextRange range, String text) {
    }

    /** A stage this optimization moves, with the stages built FROM it. */
    private record Site(Stage stage, BaseImageRewrite.Edit from, String target, List<CommandChange> commands) {
    }

    private List<Site> sites(Project project, List<Finding> findings) {
        BaseImageRewrite images = BaseImageRewrite.of(project);
        List<BaseImageRewrite.Base> bases = images.bases();
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (BaseImageRewrite.Base base : bases) {
            int index = base.stage().index();
            groups.computeIfAbsent(images.root(index), k -> new ArrayList<>()).add(index);
        }
        List<RunScript> runs = RunScript.of(project.dockerfile());
        Map<Integer, String> targets = new HashMap<>();
        Map<Integer, List<CommandChange>> changes = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (BaseImageRewrite.Base base : bases) {
            if (base.namesStage()) {
                out.add(notApplicable(base, "FROM " + base.written() + " names the earlier stage "
                        + bases.get(base.baseStage()).stage().name().orElse(base.written())
                        + "; that stage's own FROM is what counts"));
            }
        }
        for (Map.Entry<Integer, List<Integer>> group : groups.entrySet()) {
            BaseImageRewrite.Base root = bases.get(group.getKey());
            if (root.namesStage()) {
                continue;
            }
            String reason = reasonNotApplicable(root);
            if (reason != null) {
                out.add(notApplicable(root, reason));
                continue;
            }
            if (group.getValue().stream().noneMatch(i -> PackageScripts.ships(project.dockerfile(),
                    project.dockerfile().stages().get(i)))) {
                out.add(notApplicable(root, "stage " + root.stage().name().orElse(String.valueOf(root.stage().index()))
                        + " is not part of the final image: only files copied out of it ship, and what it builds "
                        + "on Alpine (musl) may not run in the final stage"));
                continue;
            }
            List<String> unmapped = new ArrayList<>();
            List<CommandChange> commands = new ArrayList<>();
            try {
                readStages(project, runs, group.getValue(), unmapped, commands);
            } catch (RuntimeException e) {
                unmapped.add("a command SlimLab could not read (" + e.getMessage() + ")");
            }
            if (!unmapped.isEmpty()) {
                out.add(notApplicable(root, "not every package command can be mapped to apk: "
                        + String.join(", ", new LinkedHashSet<>(unmapped))));
                continue;
            }
            ImageReference image = root.image();
            targets.put(group.getKey(), image.with(ImageReference.alpine(image.officialName(), image.tag())).toString());
            changes.put(group.getKey(), commands);
        }
        List<Site> sites = new ArrayList<>();
        for (Map.Entry<Integer, String> target : new TreeMap<>(targets).entrySet()) {
            BaseImageRewrite.Base root = bases.get(target.getKey());
            BaseImageRewrite.Plan plan = images.safePlan(root.stage(), ImageReference::alpine, targets);
            if (!plan.possible()) {
                out.add(notApplicable(root, plan.reason()));
                continue;
            }
            List<CommandChange> commands = changes.get(target.getKey());
            sites.add(new Site(root.stage(), plan.edit(), target.getValue(), commands));
            long apt = commands.stream().filter(c -> c.kind() == Kind.REWRITE).count();
            out.add(Finding.applies(id(), root.stage().from().line(), root.stage().from().logicalLine(),
                    "use " + target.getValue() + " instead of " + BaseImageRewrite.describe(root)
                            + (apt == 0 ? "" : " and apk for the stage's " + apt + " apt command" + (apt == 1 ? "" : "s"))
                            + ": Alpine images are a fraction of the size of Debian ones, but use musl instead of "
                            + "glibc (wheels and native binaries may not work)"
                            + copiedFromOtherStages(project, group(groups, target.getKey()))));
            for (CommandChange c : commands) {
                out.add(Finding.applies(id(), c.run().line(), c.run().excerpt(c.command()), c.note()));
            }
        }
        out.sort(Comparator.comparingInt(Finding::line));
        findings.addAll(out);
        return sites;
    }

    private static List<Integer> group(Map<Integer, List<Integer>> groups, int root) {
        return groups.getOrDefault(root, List.of(root));
    }

    /** A caution when the stage copies files from other stages: binaries built on glibc may not run. */
    private static String copiedFromOtherStages(Project project, List<Integer> stages) {
        List<String> lines = new ArrayList<>();
        for (Stage stage : project.dockerfile().stages()) {
            if (!stages.contains(stage.index())) {
                continue;
            }
            for (Instruction i : stage.instructions()) {
                if ((i.is("copy") || i.is("add")) && i.flag("from").isPresent()) {
                    lines.add(String.valueOf(i.line()));
                }
            }
        }
        return lines.isEmpty() ? "" : "; check that what COPY --from brings in (line " + String.join(", ", lines)
                + ") runs on musl";
    }

    /** Why the stage's base image has no Alpine variant to move to, or null if it has one. */
    private static String reasonNotApplicable(BaseImageRewrite.Base base) {
        return BaseImageRewrite.reasonWithoutVariant(base, "Alpine", ImageReference::alpine);
    }

    private Finding notApplicable(BaseImageRewrite.Base base, String reason) {
        return Finding.notApplicable(id(), base.stage().from().line(), base.stage().from().logicalLine(), reason);
    }

    // ---- the stage's commands ----------------------------------------------------------------

    private static void readStages(Project project, List<RunScript> runs, List<Integer> stages, List<String> unmapped,
                                   List<CommandChange> changes) {
        for (Stage stage : project.dockerfile().stages()) {
            if (!stages.contains(stage.index())) {
                continue;
            }
            for (Instruction i : stage.instructions()) {
                if (i.is("shell") && i.args().stream().anyMatch(a -> a.endsWith("bash"))) {
                    unmapped.add("SHELL " + i.arguments() + " (line " + i.line() + "): Alpine has no bash");
                }
                if (i.is("onbuild") && i.onbuild().isPresent()) {
                    Instruction inner = i.onbuild().get();
                    List<ShellScript> scripts = new ArrayList<>();
                    ShellScript.of(i).ifPresent(scripts::add);
                    for (Heredoc h : inner.heredocs()) {
                        ShellScript.ofHeredoc(inner, h).ifPresent(scripts::add);
                    }
                    for (ShellScript script : scripts) {
                        for (ShellCommand c : script.commands()) {
                            String program = c.programName().orElse("");
                            if (APT.contains(program) || DEBIAN_TOOLS.contains(program) || SHADOW_TOOLS.contains(program)) {
                                unmapped.add(program + " in the ONBUILD RUN on line " + i.line()
                                        + " (it runs in the builds of other images)");
                            }
                        }
                    }
                }
                if (i.is("run") && i.isJsonForm() && !i.args().isEmpty()) {
                    String program = i.args().get(0).substring(i.args().get(0).lastIndexOf('/') + 1);
                    if (APT.contains(program) || DEBIAN_TOOLS.contains(program) || SHADOW_TOOLS.contains(program)) {
                        unmapped.add(program + " in the exec-form RUN on line " + i.line());
                    }
                }
            }
        }
        for (RunScript run : runs) {
            if (!stages.contains(run.stage().index())) {
                continue;
            }
            List<CommandChange> inScript = new ArrayList<>();
            for (ShellCommand c : run.script().commands()) {
                readCommand(run, c, unmapped, inScript);
            }
            changes.addAll(inScript);
        }
    }

    private static void readCommand(RunScript run, ShellCommand c, List<String> unmapped, List<CommandChange> changes) {
        String program = c.programName().orElse("");
        String where = " (line " + run.line() + ")";
        if (APT.contains(program)) {
            List<ShellWord> args = c.arguments();
            int sub = aptSubcommand(args);
            if (sub < 0) {
                unmapped.add(program + " without a command" + where);
                return;
            }
            String subcommand = args.get(sub).value();
            if (SystemPackages.APT_HOUSEKEEPING.contains(subcommand)) {
                changes.add(new CommandChange(run, c, Kind.REMOVE, List.of(),
                        oneLine(run.excerpt(c)) + " → removed: apk add --no-cache keeps no package index or cache"));
            } else if (APT_UPGRADE.contains(subcommand)) {
                changes.add(new CommandChange(run, c, Kind.REWRITE, List.of(new Splice(c.range(), "apk upgrade --no-cache")),
                        oneLine(run.excerpt(c)) + " → apk upgrade --no-cache"));
            } else if (subcommand.equals("install") || subcommand.equals("purge") || subcommand.equals("remove")) {
                packageCommand(run, c, args, sub, subcommand.equals("install") ? "apk add --no-cache" : "apk del",
                        unmapped, changes);
            } else {
                unmapped.add(program + " " + subcommand + where);
            }
        } else if (DEBIAN_TOOLS.contains(program)) {
            unmapped.add(program + where + " is Debian's");
        } else if (SHADOW_TOOLS.contains(program)) {
            unmapped.add(program + where + " is not in Alpine's BusyBox (adduser -D / addgroup, or apk add shadow)");
        } else if (program.equals("rm")) {
            List<ShellWord> args = c.arguments();
            List<ShellWord> aptPaths = args.stream().filter(w -> isAptPath(w.value())).toList();
            long paths = args.stream().filter(w -> !w.value().startsWith("-")).count();
            if (aptPaths.isEmpty()) {
                return;
            }
            if (aptPaths.size() == paths) {
                changes.add(new CommandChange(run, c, Kind.REMOVE, List.of(),
                        oneLine(run.excerpt(c)) + " → removed: Alpine has no apt files"));
                return;
            }
            List<Splice> splices = new ArrayList<>();
            for (ShellWord w : aptPaths) {
                splices.add(new Splice(new TextRange(previousEnd(c, w), w.end()), ""));
            }
            changes.add(new CommandChange(run, c, Kind.REWRITE, splices,
                    oneLine(run.excerpt(c)) + " → " + rewritten(run, c, splices)));
        }
    }

    private static boolean isAptPath(String path) {
        return path.startsWith("/var/lib/apt") || path.startsWith("/var/cache/apt") || path.startsWith("/etc/apt/");
    }

    /** The index of apt's command among its arguments, past options and their values; -1 if none. */
    private static int aptSubcommand(List<ShellWord> args) {
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (SystemPackages.APT_OPTIONS_WITH_VALUE.contains(v)) {
                i++;
            } else if (!v.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    /** {@code apt-get install} or {@code purge}: the head becomes {@code apk ...}, options go, packages are mapped. */
    private static void packageCommand(RunScript run, ShellCommand c, List<ShellWord> args, int sub, String head,
                                       List<String> unmapped, List<CommandChange> changes) {
        String where = " (line " + run.line() + ")";
        List<ShellWord> commandWords = c.commandWords();
        int headStart = commandWords.size() == c.words().size() ? c.start() : commandWords.get(0).start();
        List<Splice> splices = new ArrayList<>();
        splices.add(new Splice(new TextRange(headStart, args.get(sub).end()), head));
        int packages = 0;
        int unmappedBefore = unmapped.size();
        for (int i = sub + 1; i < args.size(); i++) {
            ShellWord w = args.get(i);
            String v = w.value();
            if (v.startsWith("-")) {
                int end = w.end();
                if (SystemPackages.APT_OPTIONS_WITH_VALUE.contains(v) && i + 1 < args.size()) {
                    i++;
                    end = args.get(i).end();
                }
                splices.add(new Splice(new TextRange(previousEnd(c, w), end), ""));
                continue;
            }
            if (v.contains("$") || v.contains("`")) {
                unmapped.add(v + where + " (a package list built from variables)");
                continue;
            }
            if (v.contains("=")) {
                unmapped.add(v + where + " (apt version pins have no apk equivalent)");
                continue;
            }
            List<String> apk = APT_TO_APK.get(v);
            if (apk == null) {
                unmapped.add(v + where);
                continue;
            }
            if (apk.isEmpty()) {
                splices.add(new Splice(new TextRange(previousEnd(c, w), w.end()), ""));
            } else {
                packages++;
                String text = String.join(" ", apk);
                if (!text.equals(w.raw())) {
                    splices.add(new Splice(w.range(), text));
                }
            }
        }
        if (unmapped.size() > unmappedBefore) {
            return;
        }
        if (packages == 0) {
            changes.add(new CommandChange(run, c, Kind.REMOVE, List.of(),
                    oneLine(run.excerpt(c)) + " → removed: Alpine needs none of these packages"));
            return;
        }
        changes.add(new CommandChange(run, c, Kind.REWRITE, splices,
                oneLine(run.excerpt(c)) + " → " + rewritten(run, c, splices)));
    }

    /** The end of the word before {@code w} in the command, so that deleting from it takes the blanks too. */
    private static int previousEnd(ShellCommand c, ShellWord w) {
        int end = c.start();
        for (ShellWord other : c.words()) {
            if (other.end() <= w.start()) {
                end = Math.max(end, other.end());
            }
        }
        for (ShellWord other : c.assignments()) {
            if (other.end() <= w.start()) {
                end = Math.max(end, other.end());
            }
        }
        return end;
    }

    /** The text with its runs of blanks (joined continuation lines) made one space. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    /** The command's text after its splices. */
    private static String rewritten(RunScript run, ShellCommand c, List<Splice> splices) {
        String text = run.excerpt(c);
        StringBuilder out = new StringBuilder();
        int at = c.start();
        for (Splice s : splices.stream().sorted(Comparator.comparingInt(s -> s.range().start())).toList()) {
            out.append(text, at - c.start(), s.range().start() - c.start()).append(s.text());
            at = s.range().end();
        }
        out.append(text.substring(at - c.start()));
        return oneLine(out.toString());
    }

    // ---- editing ----------------------------------------------------------------------------

    /** Adds the edits of one site's commands to the editor; removed commands go with an adjacent operator. */
    private static void editCommands(DockerfileEditor editor, List<CommandChange> commands) {
        Map<RunScript, List<CommandChange>> byScript = new LinkedHashMap<>();
        for (CommandChange c : commands) {
            byScript.computeIfAbsent(c.run(), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<RunScript, List<CommandChange>> e : byScript.entrySet()) {
            RunScript run = e.getKey();
            List<ShellCommand> all = run.script().commands();
            boolean[] removed = new boolean[all.size()];
            for (CommandChange c : e.getValue()) {
                if (c.kind() == Kind.REMOVE) {
                    removed[all.indexOf(c.command())] = true;
                } else {
                    for (Splice s : c.splices()) {
                        run.replace(editor, s.range(), s.text());
                    }
                }
            }
            int i = 0;
            while (i < all.size()) {
                if (!removed[i]) {
                    i++;
                    continue;
                }
                int j = i;
                while (j + 1 < all.size() && removed[j + 1]) {
                    j++;
                }
                if (j + 1 < all.size()) {
                    run.replace(editor, new TextRange(all.get(i).start(), all.get(j + 1).start()), "");
                } else if (i > 0) {
                    run.replace(editor, new TextRange(all.get(i - 1).end(), all.get(j).end()), "");
                } else if (run.heredoc() == null && run.instruction().heredocs().isEmpty()) {
                    editor.remove(run.instruction());
                } else {
                    run.replace(editor, new TextRange(all.get(0).start(), all.get(j).end()), "");
                }
                i = j + 1;
            }
        }
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        sites(project, findings);
        return orNothingToDo(findings, "no FROM instruction");
    }

    @Override
    public Applied apply(Project project) {
        try {
            List<EditBatch.Change> changes = new ArrayList<>();
            List<BaseImageRewrite.Edit> fromEdits = new ArrayList<>();
            for (Site site : sites(project, new ArrayList<>())) {
                List<ChangeNote> notes = new ArrayList<>();
                boolean shared = fromEdits.stream().anyMatch(site.from()::sameAs);
                if (!shared) {
                    notes.add(new ChangeNote(id(), site.from().line(), site.from().note()));
                    fromEdits.add(site.from());
                }
                for (CommandChange c : site.commands()) {
                    notes.add(new ChangeNote(id(), c.run().line(), c.note()));
                }
                changes.add(new EditBatch.Change(editor -> {
                    if (!shared) {
                        site.from().addTo(editor);
                    }
                    editCommands(editor, site.commands());
                }, notes));
            }
            return EditBatch.apply(project, changes);
        } catch (RuntimeException e) {
            return Applied.unchanged(project); // never throw: a Dockerfile SlimLab cannot read is left as it is
        }
    }
}
