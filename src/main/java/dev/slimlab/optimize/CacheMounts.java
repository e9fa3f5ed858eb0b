package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.TextRange;
import dev.slimlab.optimize.PackageScripts.At;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Package caches as BuildKit cache mounts ({@code RUN --mount=type=cache,target=DIR}): the cache
 * is in no layer, yet the next build on the same daemon finds it again.
 */
final class CacheMounts extends BaseOptimization {

    static final String PIP_CACHE = "/root/.cache/pip";
    static final String APT_CACHE = "/var/cache/apt";
    static final String NPM_CACHE = "/root/.npm";
    static final String YARN_CACHE = "/usr/local/share/.cache/yarn";
    static final String APK_CACHE = "/etc/apk/cache";
    /** Debian's images delete every downloaded .deb after each install: the apt cache mount stays empty with it. */
    static final String DOCKER_CLEAN = "/etc/apt/apt.conf.d/docker-clean";

    CacheMounts() {
        super("cache-mounts", "Package caches as BuildKit cache mounts", Category.PACKAGE_MANAGER, Risk.LOW,
                "Needs BuildKit: the classic builder refuses RUN --mount, so no preset applies it. The cache is "
                        + "shared by every build on the daemon and can be emptied at any time (docker builder "
                        + "prune); an install then downloads again. Debian's docker-clean apt setting is removed "
                        + "from the image, so an apt-get install in a container built from it keeps its .debs.",
                null);
    }

    @Override
    public boolean needsBuildKit() {
        return true;
    }

    /** A package manager whose cache a RUN can mount. */
    enum Tool {
        PIP("pip", List.of(PIP_CACHE), List.of()),
        APT("apt", List.of(APT_CACHE, AptCleanLists.LISTS), List.of()),
        NPM("npm", List.of(NPM_CACHE), List.of()),
        YARN("yarn", List.of(YARN_CACHE), List.of()),
        APK("apk", List.of(APK_CACHE), List.of(ApkNoCache.APK_INDEX));

        final String label;
        final List<String> targets;
        /** The targets and other places a mount that already keeps this cache out of the image may be at. */
        final String[] mounted;

        Tool(String label, List<String> targets, List<String> alsoMounted) {
            this.label = label;
            this.targets = targets;
            this.mounted = Stream.concat(targets.stream(), alsoMounted.stream()).toArray(String[]::new);
        }

        /** The flags that mount its caches; apt's are locked because apt takes a lock on them. */
        String flags() {
            String sharing = this == APT ? ",sharing=locked" : "";
            return String.join(" ", targets.stream().map(t -> "--mount=type=cache,target=" + t + sharing).toList());
        }

        boolean triggeredBy(ShellCommand c) {
            return switch (this) {
                case PIP -> PipNoCacheDir.pipInstall(c).isPresent();
                case APT -> AptCleanLists.usesLists(c);
                case NPM -> NpmCleanCache.isNpmInstall(c);
                case YARN -> NpmCleanCache.isYarnInstall(c);
                case APK -> c.runs("apk", "add");
            };
        }

        /** A command that empties the cache: with the cache mounted it only slows the next build down. */
        boolean cleans(ShellCommand c) {
            if (removesOnlyInside(c, targets)) {
                return true;
            }
            return switch (this) {
                case APT -> c.runs("apt-get", "clean") || c.runs("apt", "clean");
                case NPM -> c.runs("npm", "cache") && c.hasArgument("clean");
                case YARN -> c.runs("yarn", "cache") && c.hasArgument("clean");
                case PIP, APK -> false;
            };
        }
    }

    /** A package manager's use in one RUN that gets its cache mounted. */
    private record Site(Instruction instruction, List<RunScript> scripts, Tool tool, At first, boolean dropsDockerClean) {
    }

    private record Scan(List<Site> sites, List<Finding> skipped) {
    }

    private static boolean removesOnlyInside(ShellCommand c, List<String> directories) {
        if (!c.programName().map("rm"::equals).orElse(false)) {
            return false;
        }
        List<String> paths = c.arguments().stream().map(ShellWord::value).filter(p -> !p.startsWith("-")).toList();
        return !paths.isEmpty() && paths.stream().allMatch(p -> directories.stream()
                .anyMatch(d -> p.equals(d) || p.startsWith(d + "/")));
    }

    /** The user a RUN runs as: the last USER before it in its stage or the stages it is built on; null for the image's default. */
    private static String user(Dockerfile dockerfile, Stage stage, Instruction upTo) {
        String user = PackageScripts.parent(dockerfile, stage).map(p -> user(dockerfile, p, null)).orElse(null);
        for (Instruction i : stage.instructions()) {
            if (i == upTo) {
                break;
            }
            if (i.is("user") && !i.args().isEmpty()) {
                user = i.args().get(0);
            }
        }
        return user;
    }

    private static boolean isRoot(String user) {
        if (user == null) {
            return true;
        }
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return name.equals("root") || name.equals("0");
    }

    private Scan scan(Project project) {
        Dockerfile dockerfile = project.dockerfile();
        List<RunScript> scripts = RunScript.of(dockerfile);
        Map<Instruction, List<RunScript>> byRun = new LinkedHashMap<>();
        scripts.forEach(s -> byRun.computeIfAbsent(s.instruction(), i -> new ArrayList<>()).add(s));
        List<Site> sites = new ArrayList<>();
        List<Finding> skipped = new ArrayList<>();
        for (List<RunScript> runScripts : byRun.values()) {
            try {
                for (Tool tool : Tool.values()) {
                    check(project, scripts, runScripts, tool, skipped).ifPresent(sites::add);
                }
            } catch (RuntimeException e) {
                // an unexpected script: leave it alone
            }
        }
        return new Scan(withDockerClean(dockerfile, scripts, sites), skipped);
    }

    /** The site of the tool in one RUN, or empty with a finding that says why its cache is not mounted. */
    private Optional<Site> check(Project project, List<RunScript> scripts, List<RunScript> runScripts, Tool tool,
                                 List<Finding> skipped) {
        Optional<At> first = runScripts.stream().flatMap(s -> PackageScripts.commands(s).stream()
                .filter(tool::triggeredBy).map(c -> new At(s, c))).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        RunScript run = first.get().run();
        Instruction instruction = run.instruction();
        String why = null;
        Optional<String> mounted = PackageScripts.cacheMountAt(instruction, tool.mounted);
        String user = user(project.dockerfile(), run.stage(), instruction);
        if (mounted.isPresent()) {
            why = "the RUN already mounts a build cache at " + mounted.get();
        } else if (!isRoot(user)) {
            why = "the RUN runs as USER " + user + ": a cache mount belongs to root unless told otherwise, and "
                    + tool.label + "'s cache path is per user, so the mount is left to you";
        } else if (tool == Tool.PIP && (first.get().command().assignments().stream()
                .anyMatch(a -> a.value().startsWith("PIP_NO_CACHE_DIR=")) || Optimizations.stageSetsEnv(run.stage(), "PIP_NO_CACHE_DIR"))) {
            why = "PIP_NO_CACHE_DIR is set: pip would neither read nor fill a mounted cache (unset it to use one)";
        } else if (tool == Tool.YARN && NpmCleanCache.yarnBerry(project, run.stage(), first.get().command())) {
            why = "this looks like Yarn 2+ (Berry), whose cache is the project's .yarn/cache, not " + YARN_CACHE;
        } else if (tool == Tool.APT) {
            why = aptBlocker(project.dockerfile(), scripts, runScripts);
        }
        if (why != null) {
            skipped.add(Finding.notApplicable(id(), run.line(), first.get().excerpt(), why));
            return Optional.empty();
        }
        return Optional.of(new Site(instruction, runScripts, tool, first.get(), false));
    }

    /** Why the apt caches of the RUN cannot be mounted, or null. */
    private static String aptBlocker(Dockerfile dockerfile, List<RunScript> scripts, List<RunScript> runScripts) {
        Optional<RunScript> update = runScripts.stream()
                .filter(s -> PackageScripts.commands(s).stream().anyMatch(AptCleanLists::isUpdate)).findFirst();
        if (update.isEmpty()) {
            return "no apt-get update in this RUN: a cache mount at " + AptCleanLists.LISTS + " would hide the lists "
                    + "an earlier layer downloaded; combining the RUNs (combine-runs) makes this applicable";
        }
        Optional<At> later = AptCleanLists.laterUse(dockerfile, scripts, update.get());
        return later.map(u -> "the package lists must stay in the image: the " + PackageScripts.describe(u.command())
                + " on line " + u.line() + " (a later RUN without its own apt-get update) installs from them").orElse(null);
    }

    /**
     * Marks the first apt site of each stage that removes Debian's docker-clean: unless the stage
     * already removes it, or a later apt install on top of it gets no cache mount (its .debs would
     * then stay in its layer).
     */
    private static List<Site> withDockerClean(Dockerfile dockerfile, List<RunScript> scripts, List<Site> sites) {
        List<Site> marked = new ArrayList<>(sites);
        Set<Instruction> aptMounted = new HashSet<>();
        sites.stream().filter(s -> s.tool() == Tool.APT).forEach(s -> aptMounted.add(s.instruction()));
        Set<Integer> done = new HashSet<>();
        for (int k = 0; k < marked.size(); k++) {
            Site s = marked.get(k);
            RunScript run = s.first().run();
            if (s.tool() != Tool.APT || done.contains(run.stage().index()) || removedBefore(scripts, run)) {
                continue;
            }
            boolean unmountedLater = PackageScripts.downstream(dockerfile, scripts, run, false).stream()
                    .anyMatch(later -> !aptMounted.contains(later.instruction())
                            && PackageScripts.cacheMountAt(later.instruction(), APT_CACHE + "/archives").isEmpty()
                            && PackageScripts.commands(later).stream().anyMatch(AptCleanLists::usesLists));
            if (!unmountedLater) {
                marked.set(k, new Site(s.instruction(), s.scripts(), s.tool(), s.first(), true));
                done.add(run.stage().index());
            }
        }
        return marked;
    }

    /** True if the stage removes docker-clean before or in the RUN. */
    private static boolean removedBefore(List<RunScript> scripts, RunScript run) {
        for (RunScript s : scripts) {
            if (s.stage().index() == run.stage().index()
                    && PackageScripts.commands(s).stream().anyMatch(c -> PackageScripts.removes(c, DOCKER_CLEAN))) {
                return true;
            }
            if (s.instruction() == run.instruction()) {
                break;
            }
        }
        return false;
    }

    @Override
    public List<Finding> findings(Project project) {
        Scan scan = scan(project);
        List<Finding> findings = new ArrayList<>(scan.skipped());
        for (Site s : scan.sites()) {
            findings.add(Finding.applies(id(), s.first().line(), s.first().excerpt(), "mount a build cache at "
                    + PackageScripts.list(s.tool().targets) + ": " + s.tool().label + "'s cache stays out of the image "
                    + "and is still there for the next build" + (s.dropsDockerClean()
                    ? "; " + DOCKER_CLEAN + " is removed first, or apt would delete each downloaded .deb" : "")));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return orNothingToDo(findings, "no pip, apt, npm, yarn or apk install in a RUN");
    }

    @Override
    public Applied apply(Project project) {
        List<Site> sites = scan(project).sites();
        if (sites.isEmpty()) {
            return Applied.unchanged(project);
        }
        DockerfileEditor editor = project.dockerfile().editor();
        List<ChangeNote> notes = new ArrayList<>();
        Map<Instruction, List<String>> flags = new LinkedHashMap<>();
        for (Site s : sites) {
            flags.computeIfAbsent(s.instruction(), i -> new ArrayList<>()).add(s.tool().flags());
            List<String> done = new ArrayList<>();
            for (RunScript run : s.scripts()) {
                done.addAll(rewriteScript(editor, run, s.tool()));
            }
            if (s.dropsDockerClean()) {
                RunScript run = s.first().run();
                run.insert(editor, run.script().commands().get(0).start(), "rm -f " + DOCKER_CLEAN + " && ");
                done.add("rm -f " + DOCKER_CLEAN + " put first (it would delete each downloaded .deb)");
            }
            notes.add(new ChangeNote(id(), s.first().line(), s.first().excerpt() + " → " + s.tool().flags() + " added"
                    + (done.isEmpty() ? "" : "; " + String.join("; ", done))));
        }
        flags.forEach((run, mounts) -> {
            int at = run.keywordRange().end();
            editor.edit(run, new TextRange(at, at), " " + String.join(" ", mounts));
        });
        return PackageScripts.applied(project, editor, notes);
    }

    /** Drops what would defeat the mounted cache from one script of the RUN; says what it dropped. */
    private static List<String> rewriteScript(DockerfileEditor editor, RunScript run, Tool tool) {
        List<String> done = new ArrayList<>();
        List<ShellCommand> dropped = new ArrayList<>();
        boolean updated = false;
        for (ShellCommand c : run.script().commands()) {
            if (tool.cleans(c) && PackageScripts.droppable(run, c)) {
                dropped.add(c);
                done.add(run.excerpt(c) + " removed (it would empty the mounted cache)");
            } else if (tool == Tool.PIP && PipNoCacheDir.pipInstall(c).isPresent()) {
                word(c, "--no-cache-dir").ifPresent(w -> {
                    run.replace(editor, new TextRange(before(c, w), w.end()), "");
                    done.add("--no-cache-dir removed (it would bypass the mounted cache)");
                });
            } else if (tool == Tool.APK && c.runs("apk", "update")) {
                updated = true;
            } else if (tool == Tool.APK && c.runs("apk", "add")) {
                apkIndex(editor, run, c, updated).ifPresent(done::add);
            }
        }
        PackageScripts.removals(run, dropped).forEach(range -> run.replace(editor, range, ""));
        return done;
    }

    /**
     * An apk add must fetch the index itself unless an apk update came before it: with
     * {@code /etc/apk/cache} mounted, apk reads the index from the (possibly empty) mount.
     * {@code --no-cache} becomes {@code --update-cache}, which fetches it like --no-cache did.
     */
    private static Optional<String> apkIndex(DockerfileEditor editor, RunScript run, ShellCommand add, boolean updated) {
        Optional<ShellWord> noCache = word(add, "--no-cache");
        boolean fetches = updated || word(add, "-U").isPresent() || word(add, "--update-cache").isPresent();
        if (noCache.isPresent()) {
            ShellWord w = noCache.get();
            if (fetches) {
                run.replace(editor, new TextRange(before(add, w), w.end()), "");
                return Optional.of("--no-cache removed (it would bypass the mounted cache)");
            }
            run.replace(editor, w.range(), "--update-cache");
            return Optional.of("--no-cache replaced by --update-cache (it would bypass the mounted cache)");
        }
        if (!fetches) {
            run.insert(editor, add.subcommand().orElseThrow().end(), " --update-cache");
            return Optional.of("--update-cache added (apk reads the index from the mounted cache otherwise)");
        }
        return Optional.empty();
    }

    private static Optional<ShellWord> word(ShellCommand c, String value) {
        return c.words().stream().filter(w -> w.value().equals(value)).findFirst();
    }

    /** Where the blank before a word starts: the end of the word before it. */
    private static int before(ShellCommand c, ShellWord w) {
        return c.words().get(c.words().indexOf(w) - 1).end();
    }
}
