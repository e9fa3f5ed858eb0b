package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** npm and yarn keep every package they download in a cache; clean it in the RUN that installs (DL3060 for yarn). */
final class NpmCleanCache extends BaseOptimization {

    private static final Set<String> NPM_INSTALLS = Set.of("install", "i", "ci", "add", "isntall");
    private static final Set<String> YARN_INSTALLS = Set.of("install", "add", "global");
    private static final String NPM_CLEAN = "npm cache clean --force";
    private static final String YARN_CLEAN = "yarn cache clean";

    NpmCleanCache() {
        super("npm-clean-cache", "Clean the npm and yarn caches in the same RUN", Category.PACKAGE_MANAGER, Risk.LOW,
                "The cache only speeds up later installs in the same container; an install in a later RUN "
                        + "downloads its packages again.",
                "DL3060");
    }

    private enum Tool {
        NPM("npm", NPM_CLEAN, CacheMounts.NPM_CACHE, "/.npm",
                "npm keeps a copy of every package it downloads in ~/.npm/_cacache otherwise"),
        YARN("yarn", YARN_CLEAN, CacheMounts.YARN_CACHE, "/.cache/yarn", "yarn keeps every package it downloads "
                + "in its cache (/usr/local/share/.cache/yarn for root) otherwise (hadolint DL3060)");

        final String program;
        final String clean;
        /** Its cache when root runs it, and the end of the path of another user's. */
        final String cache;
        final String homeCache;
        final String why;

        Tool(String program, String clean, String cache, String homeCache, String why) {
            this.program = program;
            this.clean = clean;
            this.cache = cache;
            this.homeCache = homeCache;
            this.why = why;
        }
    }

    private record Site(RunScript run, ShellCommand install, Tool tool) {

        String clean() {
            return PackageScripts.runLike(install, tool.clean);
        }
    }

    static boolean isNpmInstall(ShellCommand c) {
        return c.programName().map("npm"::equals).orElse(false)
                && c.subcommand().map(w -> NPM_INSTALLS.contains(w.value())).orElse(false);
    }

    static boolean isYarnInstall(ShellCommand c) {
        return c.programName().map("yarn"::equals).orElse(false)
                && c.subcommand().map(w -> YARN_INSTALLS.contains(w.value())).orElse(true);
    }

    private static boolean cleans(ShellCommand c, Tool tool) {
        if (c.runs(tool.program, "cache") && c.hasArgument("clean")) {
            return true;
        }
        if (!c.programName().map("rm"::equals).orElse(false)) {
            return false;
        }
        return c.arguments().stream().map(w -> w.value()).anyMatch(tool == Tool.NPM
                ? p -> p.contains(".npm") || p.contains("_cacache")
                : p -> p.contains(".cache/yarn") || p.contains(".yarn-cache") || p.contains("yarn/cache"));
    }

    /** Yarn 2+ keeps packages in the project's .yarn/cache, which Plug'n'Play loads from at run time. */
    static boolean yarnBerry(Project project, Stage stage, ShellCommand install) {
        if (install.hasArgument("--immutable") || install.hasArgument("--immutable-cache")
                || project.context().contains(".yarnrc.yml")) {
            return true;
        }
        for (Instruction i : stage.instructions()) {
            String line = i.logicalLine();
            if (line.contains(".yarnrc.yml") || line.contains("yarn set version") || line.contains(".pnp.cjs")) {
                return true;
            }
        }
        return false;
    }

    private List<Site> sites(Project project, List<Finding> skipped) {
        List<Site> sites = new ArrayList<>();
        for (RunScript run : RunScript.of(project.dockerfile())) {
            try {
                for (Tool tool : Tool.values()) {
                    List<ShellCommand> commands = PackageScripts.commands(run);
                    ShellCommand first = null;
                    boolean cleaned = false;
                    for (ShellCommand c : commands) {
                        if (tool == Tool.NPM ? isNpmInstall(c) : isYarnInstall(c)) {
                            first = first == null ? c : first;
                            cleaned = false;
                        } else if (first != null && cleans(c, tool)) {
                            cleaned = true;
                        }
                    }
                    if (first == null || cleaned) {
                        continue;
                    }
                    Optional<String> mount = PackageScripts.cacheMountOf(run.instruction(), tool.cache, tool.homeCache);
                    if (mount.isPresent()) {
                        skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(first),
                                "the RUN mounts a build cache at " + mount.get() + ": " + tool.program
                                        + "'s cache is not stored in the image"));
                    } else if (tool == Tool.YARN && yarnBerry(project, run.stage(), first)) {
                        skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(first),
                                "this looks like Yarn 2+ (Berry): it keeps packages in the project's .yarn/cache, "
                                        + "which Plug'n'Play loads from at run time, so yarn cache clean could "
                                        + "break the app"));
                    } else {
                        sites.add(new Site(run, first, tool));
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
            findings.add(Finding.applies(id(), s.run().line(), s.run().excerpt(s.install()),
                    "append " + s.clean() + " to the RUN: " + s.tool().why));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return orNothingToDo(findings, "no npm or yarn install that leaves its cache in the image");
    }

    @Override
    public Applied apply(Project project) {
        return PackageScripts.appendAll(project, sites(project, new ArrayList<>()).stream()
                .map(s -> new PackageScripts.Append(s.run(), s.clean(), new ChangeNote(id(), s.run().line(),
                        s.run().excerpt(s.install()) + " → " + s.clean() + " appended")))
                .toList());
    }
}
