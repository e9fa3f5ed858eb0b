package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.optimize.PackageScripts.At;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** DL3009: remove the package lists {@code apt-get update} downloads in the RUN that uses them. */
final class AptCleanLists extends BaseOptimization {

    static final String LISTS = "/var/lib/apt/lists";
    private static final String RM = "rm -rf /var/lib/apt/lists/*";

    /** apt subcommands that read the package lists. */
    private static final Set<String> USES_LISTS = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade",
            "build-dep", "reinstall", "source", "download");

    AptCleanLists() {
        super("apt-clean-lists", "Remove the apt package lists in the same RUN", Category.PACKAGE_MANAGER, Risk.LOW,
                "Nothing the image runs reads the lists; only a later apt-get install without its own apt-get "
                        + "update fails without them (in this image or one built FROM it), and SlimLab leaves the "
                        + "lists alone where it sees such an install.",
                "DL3009");
    }

    static boolean isUpdate(ShellCommand c) {
        return c.runs("apt-get", "update") || c.runs("apt", "update");
    }

    /** {@code apt-get dist-clean} (apt 2.7.8 and later, the trixie images) removes the lists as well as the archives. */
    static boolean distClean(ShellCommand c) {
        return c.runs("apt-get", "dist-clean") || c.runs("apt", "dist-clean");
    }

    static boolean usesLists(ShellCommand c) {
        String program = c.programName().orElse("");
        return (program.equals("apt-get") || program.equals("apt"))
                && c.subcommand().map(w -> USES_LISTS.contains(w.value())).orElse(false);
    }

    private record Site(RunScript run, ShellCommand update, ShellCommand install) {

        String removal() {
            return PackageScripts.runLike(update.words().get(0).value().equals("sudo") ? update : install, RM);
        }
    }

    private record Scan(List<Site> sites, List<Finding> skipped, int alreadyClean) {
    }

    private Scan scan(Project project) {
        Dockerfile dockerfile = project.dockerfile();
        List<RunScript> scripts = RunScript.of(dockerfile);
        List<Site> sites = new ArrayList<>();
        List<Finding> skipped = new ArrayList<>();
        int alreadyClean = 0;
        for (RunScript run : scripts) {
            try {
                List<ShellCommand> commands = PackageScripts.commands(run);
                int lastUpdate = -1;
                ShellCommand firstUpdate = null;
                ShellCommand firstUse = null;
                for (int k = 0; k < commands.size(); k++) {
                    ShellCommand c = commands.get(k);
                    if (isUpdate(c)) {
                        lastUpdate = k;
                        firstUpdate = firstUpdate == null ? c : firstUpdate;
                    } else if (usesLists(c) && firstUse == null) {
                        firstUse = c;
                    }
                }
                if (firstUpdate == null && firstUse == null) {
                    continue;
                }
                boolean cleaned = false;
                for (int k = Math.max(lastUpdate, 0); k < commands.size(); k++) {
                    cleaned |= PackageScripts.removes(commands.get(k), LISTS) || distClean(commands.get(k));
                }
                if (cleaned) {
                    alreadyClean++;
                    continue;
                }
                if (firstUpdate == null) {
                    Optional<At> earlier = earlierUpdate(dockerfile, scripts, run);
                    skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(firstUse), earlier
                            .map(u -> "no apt-get update in this RUN: it installs from the lists the RUN on line "
                                    + u.line() + " downloaded, and removing them here would save nothing (they stay "
                                    + "in that layer); combining the RUNs (the combine-runs optimization) makes "
                                    + "this applicable")
                            .orElse("no apt-get update in this RUN: the lists it installs from come from an earlier "
                                    + "layer, so removing them here would save nothing")));
                    continue;
                }
                Optional<String> mount = PackageScripts.cacheMountAt(run.instruction(), LISTS);
                if (mount.isPresent()) {
                    skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(firstUpdate),
                            "the RUN mounts a build cache at " + mount.get()
                                    + ": the package lists are not stored in the image"));
                    continue;
                }
                Optional<At> needed = laterUse(dockerfile, scripts, run);
                if (needed.isPresent()) {
                    skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(firstUpdate),
                            "the package lists are still needed by the "
                                    + PackageScripts.describe(needed.get().command()) + " on line " + needed.get().line()
                                    + " (a later RUN without its own apt-get update); combining the RUNs (the "
                                    + "combine-runs optimization) makes this applicable"));
                } else if (firstUse == null) {
                    skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(firstUpdate),
                            "apt-get update without an install after it in this stage: the lists are left for "
                                    + "whatever installs from them"));
                } else {
                    sites.add(new Site(run, firstUpdate, firstUse));
                }
            } catch (RuntimeException e) {
                // an unexpected script: leave it alone
            }
        }
        return new Scan(sites, skipped, alreadyClean);
    }

    /**
     * The first later install that relies on this RUN's lists: a later RUN of the stage (or of a
     * stage built on it) that installs before running an apt-get update of its own.
     */
    static Optional<At> laterUse(Dockerfile dockerfile, List<RunScript> scripts, RunScript run) {
        Set<Integer> refreshed = new HashSet<>();
        for (RunScript later : PackageScripts.downstream(dockerfile, scripts, run, false)) {
            if (refreshedOnTheWay(dockerfile, later, run, refreshed)) {
                continue;
            }
            for (ShellCommand c : PackageScripts.commands(later)) {
                if (isUpdate(c)) {
                    refreshed.add(later.stage().index());
                    break;
                }
                if (usesLists(c)) {
                    return Optional.of(new At(later, c));
                }
            }
        }
        return Optional.empty();
    }

    /** True if a RUN between {@code run} and {@code later} (in later's stage or a stage it is built on) updated the lists again. */
    private static boolean refreshedOnTheWay(Dockerfile dockerfile, RunScript later, RunScript run, Set<Integer> refreshed) {
        Optional<Stage> stage = Optional.of(later.stage());
        while (stage.isPresent()) {
            if (refreshed.contains(stage.get().index())) {
                return true;
            }
            if (stage.get().index() == run.stage().index()) {
                return false;
            }
            stage = PackageScripts.parent(dockerfile, stage.get());
        }
        return false;
    }

    /** The last apt-get update before {@code run} in its stage or the stages it is built on. */
    private static Optional<At> earlierUpdate(Dockerfile dockerfile, List<RunScript> scripts, RunScript run) {
        At found = null;
        for (RunScript earlier : scripts) {
            if (earlier.instruction() == run.instruction()) {
                break;
            }
            if (PackageScripts.descendants(dockerfile, earlier.stage(), false).contains(run.stage().index())) {
                for (ShellCommand c : PackageScripts.commands(earlier)) {
                    if (isUpdate(c)) {
                        found = new At(earlier, c);
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public List<Finding> findings(Project project) {
        Scan scan = scan(project);
        List<Finding> findings = new ArrayList<>();
        for (Site s : scan.sites()) {
            findings.add(Finding.applies(id(), s.run().line(), s.run().excerpt(s.update()),
                    "append " + s.removal() + " to the RUN: the package lists apt-get update downloads (tens of MB) "
                            + "stay in the layer otherwise, and nothing in the image needs them"));
        }
        findings.addAll(scan.skipped());
        findings.sort(Comparator.comparingInt(Finding::line));
        return orNothingToDo(findings, scan.alreadyClean() > 0
                ? "every RUN that runs apt-get update already removes " + LISTS + " in the same RUN"
                : "no RUN runs apt-get update");
    }

    @Override
    public Applied apply(Project project) {
        return PackageScripts.appendAll(project, scan(project).sites().stream()
                .map(s -> new PackageScripts.Append(s.run(), s.removal(), new ChangeNote(id(), s.run().line(),
                        s.run().excerpt(s.update()) + " → " + s.removal() + " appended")))
                .toList());
    }
}
