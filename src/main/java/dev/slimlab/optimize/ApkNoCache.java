package dev.slimlab.optimize;

import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** DL3019: {@code apk add --no-cache}, which also makes a separate {@code apk update} unnecessary. */
final class ApkNoCache extends BaseOptimization {

    /** Where apk keeps the package index it downloads. */
    static final String APK_INDEX = "/var/cache/apk";

    /** apk subcommands that need no package index (or fetch it themselves with --no-cache). */
    private static final Set<String> WITHOUT_INDEX = Set.of("add", "del", "update");

    ApkNoCache() {
        super("apk-no-cache", "apk add without keeping the package index", Category.PACKAGE_MANAGER, Risk.LOW,
                "apk fetches the index on every apk add --no-cache instead of reusing a local copy: builds "
                        + "download it again, and a RUN that needs the index for something other than apk add "
                        + "(apk upgrade, apk search) keeps its apk update.",
                "DL3019");
    }

    private record Site(RunScript run, ShellCommand command, ShellWord add) {

        boolean isUpdate() {
            return add == null;
        }
    }

    private static boolean isApk(ShellCommand c) {
        return c.programName().map("apk"::equals).orElse(false);
    }

    private List<Site> sites(Project project, List<Finding> skipped) {
        List<Site> sites = new ArrayList<>();
        for (RunScript run : RunScript.of(project.dockerfile())) {
            try {
                List<ShellCommand> adds = PackageScripts.commands(run).stream().filter(c -> c.runs("apk", "add")).toList();
                List<ShellCommand> updates = PackageScripts.commands(run).stream().filter(c -> c.runs("apk", "update")).toList();
                if (adds.isEmpty() && updates.isEmpty()) {
                    continue;
                }
                Optional<String> mount = PackageScripts.cacheMountAt(run.instruction(), APK_INDEX, CacheMounts.APK_CACHE);
                if (mount.isPresent()) {
                    ShellCommand first = adds.isEmpty() ? updates.get(0) : adds.get(0);
                    skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(first),
                            "the RUN mounts a build cache at " + mount.get() + ": apk's cache is not stored in the "
                                    + "image, and --no-cache would only bypass it"));
                    continue;
                }
                for (ShellCommand add : adds) {
                    if (!add.hasArgument("--no-cache")) {
                        sites.add(new Site(run, add, add.subcommand().orElseThrow()));
                    }
                }
                Optional<ShellCommand> needsIndex = PackageScripts.commands(run).stream()
                        .filter(c -> isApk(c) && !c.subcommand().map(w -> WITHOUT_INDEX.contains(w.value())).orElse(false))
                        .findFirst();
                for (ShellCommand update : updates) {
                    if (needsIndex.isPresent()) {
                        if (!adds.isEmpty()) {
                            skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(update),
                                    "apk update is kept: " + run.excerpt(needsIndex.get())
                                            + " in the same RUN needs the package index"));
                        }
                    } else if (adds.isEmpty()) {
                        skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(update),
                                "apk update in a RUN without an apk add is left alone: its index stays in this "
                                        + "layer, and since apk add --no-cache fetches the index itself the command "
                                        + "(or the RUN) can usually go, by hand"));
                    } else if (PackageScripts.droppable(run, update)) {
                        sites.add(new Site(run, update, null));
                    } else {
                        skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(update),
                                "apk update is kept: the commands around it depend on how it ends (||, a pipe, "
                                        + "a background job or an if), so dropping it is left to you"));
                    }
                }
            } catch (RuntimeException e) {
                // an unexpected script: leave it alone
            }
        }
        return sites;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Site s : sites(project, findings)) {
            findings.add(Finding.applies(id(), s.run().line(), s.run().excerpt(s.command()), s.isUpdate()
                    ? "drop apk update: apk add --no-cache fetches the index itself, and the one apk update "
                            + "downloads would stay in /var/cache/apk"
                    : "add --no-cache: apk keeps the package index it downloads in /var/cache/apk otherwise"));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return orNothingToDo(findings, "no apk add without --no-cache and no apk update to drop");
    }

    @Override
    public Applied apply(Project project) {
        List<Site> sites = sites(project, new ArrayList<>());
        if (sites.isEmpty()) {
            return Applied.unchanged(project);
        }
        DockerfileEditor editor = project.dockerfile().editor();
        List<ChangeNote> notes = new ArrayList<>();
        Map<RunScript, List<ShellCommand>> dropped = new LinkedHashMap<>();
        for (Site s : sites) {
            if (s.isUpdate()) {
                dropped.computeIfAbsent(s.run(), r -> new ArrayList<>()).add(s.command());
                notes.add(new ChangeNote(id(), s.run().line(), s.run().excerpt(s.command())
                        + " removed: apk add --no-cache fetches the index itself"));
            } else {
                s.run().insert(editor, s.add().end(), " --no-cache");
                notes.add(new ChangeNote(id(), s.run().line(), s.run().excerpt(s.command()) + " → --no-cache added"));
            }
        }
        dropped.forEach((run, commands) -> PackageScripts.removals(run, commands)
                .forEach(range -> run.replace(editor, range, "")));
        return PackageScripts.applied(project, editor, notes);
    }
}
