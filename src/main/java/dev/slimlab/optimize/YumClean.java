package dev.slimlab.optimize;

import dev.slimlab.dockerfile.ShellCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DL3032 (yum), DL3040 (dnf, microdnf), DL3036 (zypper): clean the package manager's cache in the
 * RUN that installs.
 */
final class YumClean extends BaseOptimization {

    private enum Manager {
        YUM("yum", "yum clean all", "DL3032", Set.of("install", "groupinstall", "localinstall", "reinstall", "update",
                "upgrade"), "/var/cache/yum", "/var/cache/dnf"),
        DNF("dnf", "dnf clean all", "DL3040", Set.of("install", "groupinstall", "localinstall", "reinstall", "update",
                "upgrade", "distro-sync"), "/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"),
        MICRODNF("microdnf", "microdnf clean all", "DL3040", Set.of("install", "reinstall", "update", "upgrade"),
                "/var/cache/yum", "/var/cache/dnf"),
        ZYPPER("zypper", "zypper clean", "DL3036", Set.of("install", "in", "update", "up", "dist-upgrade", "dup",
                "patch", "source-install", "si"), "/var/cache/zypp");

        final String program;
        final String clean;
        final String rule;
        final Set<String> installs;
        final String[] caches;

        Manager(String program, String clean, String rule, Set<String> installs, String... caches) {
            this.program = program;
            this.clean = clean;
            this.rule = rule;
            this.installs = installs;
            this.caches = caches;
        }

        boolean installs(ShellCommand c) {
            if (!c.programName().map(program::equals).orElse(false)) {
                return false;
            }
            String sub = c.subcommand().map(w -> w.value()).orElse("");
            if (sub.equals("group") || sub.equals("groups")) { // dnf group install "Development Tools"
                return PackageScripts.operands(c, Set.of()).stream().findFirst()
                        .map(w -> w.value().equals("install")).orElse(false);
            }
            return installs.contains(sub);
        }

        /** {@code yum clean}, {@code dnf clean}, {@code zypper clean}/{@code cc}, or rm of the cache directory. */
        boolean cleans(ShellCommand c) {
            for (Manager m : values()) {
                boolean sameFamily = m == this || m != ZYPPER && this != ZYPPER;
                if (sameFamily && (c.runs(m.program, "clean") || m == ZYPPER && c.runs("zypper", "cc"))) {
                    return true;
                }
            }
            for (String cache : caches) {
                if (PackageScripts.removes(c, cache)) {
                    return true;
                }
            }
            return false;
        }
    }

    YumClean() {
        super("yum-clean", "Clean the yum, dnf, microdnf or zypper cache in the same RUN", Category.PACKAGE_MANAGER,
                Risk.LOW, "The cache only speeds up later installs; an install in a later RUN downloads the "
                        + "repository metadata again.",
                "DL3032");
    }

    private record Site(RunScript run, ShellCommand install, Manager manager) {

        String clean() {
            return PackageScripts.runLike(install, manager.clean);
        }
    }

    private List<Site> sites(Project project, List<Finding> skipped) {
        List<Site> sites = new ArrayList<>();
        for (RunScript run : RunScript.of(project.dockerfile())) {
            try {
                for (Manager manager : Manager.values()) {
                    ShellCommand first = null;
                    boolean cleaned = false;
                    for (ShellCommand c : PackageScripts.commands(run)) {
                        if (manager.installs(c)) {
                            first = first == null ? c : first;
                            cleaned = false;
                        } else if (first != null && manager.cleans(c)) {
                            cleaned = true;
                        }
                    }
                    if (first == null || cleaned) {
                        continue;
                    }
                    Optional<String> mount = PackageScripts.cacheMountAt(run.instruction(), manager.caches);
                    if (mount.isPresent()) {
                        skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(first),
                                "the RUN mounts a build cache at " + mount.get() + ": " + manager.program
                                        + "'s cache is kept out of the image there"));
                    } else {
                        sites.add(new Site(run, first, manager));
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
            Manager m = s.manager();
            findings.add(Finding.applies(id(), s.run().line(), s.run().excerpt(s.install()),
                    "append " + s.clean() + " to the RUN (hadolint " + m.rule + "): " + m.program
                            + " keeps the repository metadata and downloaded packages in " + m.caches[0]
                            + " otherwise"));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return orNothingToDo(findings, "no yum, dnf, microdnf or zypper install that leaves its cache in the image");
    }

    @Override
    public Applied apply(Project project) {
        return PackageScripts.appendAll(project, sites(project, new ArrayList<>()).stream()
                .map(s -> new PackageScripts.Append(s.run(), s.clean(), new ChangeNote(id(), s.run().line(),
                        s.run().excerpt(s.install()) + " → " + s.clean() + " appended")))
                .toList());
    }
}
