package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.optimize.PackageScripts.At;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compilers and {@code -dev} packages installed only to build something in the same RUN are
 * removed at its end: {@code apt-get purge -y --auto-remove ...} or {@code apk del ...}.
 */
final class RemoveBuildDeps extends BaseOptimization {

    private static final Pattern PYTHON = Pattern.compile("python(3(\\.\\d+)?)?");
    /** Programs that compile (or run a compiler) when they run. */
    private static final Set<String> COMPILING = Set.of("make", "cmake", "ninja", "meson", "gcc", "g++", "cc", "c++",
            "clang", "clang++", "gfortran", "configure", "autoreconf", "autogen.sh", "node-gyp", "cpanm", "cpan",
            "docker-php-ext-install", "Rscript", "R", "maturin", "cythonize");

    RemoveBuildDeps() {
        super("remove-build-deps", "Remove build-only packages after use", Category.TOOLCHAIN, Risk.MEDIUM,
                "--auto-remove also removes what came in only as a dependency of the purged packages, and that "
                        + "can be a runtime library: purging libpq-dev takes libpq5 with it, and psycopg2 then "
                        + "fails at import. Install the runtime libraries explicitly (apt-get install libpq5) so "
                        + "they stay; and a program that compiles at run time loses its compiler.",
                null);
    }

    /** The step that uses the build packages, as a label ({@code pip install}, {@code make}), if the command is one. */
    static Optional<String> buildStep(ShellCommand c) {
        if (PipNoCacheDir.pipInstall(c).isPresent()) {
            return Optional.of("pip install");
        }
        String program = c.programName().orElse("");
        String sub = c.subcommand().map(ShellWord::value).orElse("");
        if (COMPILING.contains(program)) {
            return Optional.of(c.program().orElse(program));
        }
        boolean builds = switch (program) {
            case "cargo" -> sub.equals("build") || sub.equals("install");
            case "go" -> sub.equals("build") || sub.equals("install");
            case "gem", "luarocks", "pecl", "pipenv", "pdm" -> sub.equals("install");
            case "bundle", "bundler", "poetry" -> sub.equals("install") || sub.isEmpty();
            case "pip", "pip3", "uv" -> sub.equals("wheel") || sub.equals("pip") || sub.equals("sync");
            case "npm" -> Set.of("ci", "install", "i", "rebuild").contains(sub);
            case "yarn" -> sub.isEmpty() || sub.equals("install") || sub.equals("add");
            case "pnpm" -> sub.equals("install") || sub.equals("i") || sub.equals("add");
            default -> PYTHON.matcher(program).matches() && c.arguments().stream()
                    .anyMatch(w -> w.value().endsWith("setup.py"));
        };
        if (!builds) {
            return Optional.empty();
        }
        return Optional.of(PYTHON.matcher(program).matches() ? program + " setup.py" : program + " " + sub);
    }

    private record Site(RunScript run, ShellCommand install, String removal, List<String> packages, String usedBy) {
    }

    private static boolean unknown(ShellWord w) {
        return w.value().contains("$") || w.value().contains("`");
    }

    private static boolean isAptInstall(ShellCommand c) {
        return c.runs("apt-get", "install") || c.runs("apt", "install");
    }

    private static boolean isAptRemove(ShellCommand c) {
        return c.runs("apt-get", "purge") || c.runs("apt-get", "remove") || c.runs("apt", "purge")
                || c.runs("apt", "remove");
    }

    /** apt: build packages installed and not purged or removed later in the script. */
    private static Map<String, ShellCommand> aptPending(RunScript run) {
        Map<String, ShellCommand> pending = new LinkedHashMap<>();
        for (ShellCommand c : PackageScripts.commands(run)) {
            if (isAptInstall(c)) {
                for (ShellWord w : PackageScripts.operands(c, SystemPackages.APT_OPTIONS_WITH_VALUE)) {
                    String name = SystemPackages.aptName(w.value());
                    if (!unknown(w) && SystemPackages.isBuildPackage(name, false)) {
                        pending.putIfAbsent(name, c);
                    }
                }
            } else if (c.runs("apt-mark", "auto")) {
                return Map.of(); // the official images' way: mark everything auto, keep what the result links to, purge
            } else if (isAptRemove(c)) {
                for (ShellWord w : PackageScripts.operands(c, SystemPackages.APT_OPTIONS_WITH_VALUE)) {
                    if (unknown(w)) {
                        return Map.of(); // apt-get purge $buildDeps: already done, in a way we cannot read
                    }
                    pending.remove(SystemPackages.aptName(w.value()));
                }
            }
        }
        return pending;
    }

    /** apk: virtual groups holding build packages, and build packages added on their own, not deleted later. */
    private static Map<String, ShellCommand> apkPending(RunScript run) {
        Map<String, ShellCommand> pending = new LinkedHashMap<>();
        for (ShellCommand c : PackageScripts.commands(run)) {
            if (c.runs("apk", "add")) {
                Optional<String> virtual = PackageScripts.optionValue(c, "--virtual", "-t");
                List<String> build = new ArrayList<>();
                for (ShellWord w : PackageScripts.operands(c, SystemPackages.APK_OPTIONS_WITH_VALUE)) {
                    String name = SystemPackages.apkName(w.value());
                    if (!unknown(w) && SystemPackages.isBuildPackage(name, true)) {
                        build.add(name);
                    }
                }
                if (virtual.isPresent()) {
                    if (!build.isEmpty() && !virtual.get().contains("$")) {
                        pending.putIfAbsent(virtual.get(), c);
                    }
                } else {
                    build.forEach(name -> pending.putIfAbsent(name, c));
                }
            } else if (c.runs("apk", "del")) {
                for (ShellWord w : PackageScripts.operands(c, SystemPackages.APK_OPTIONS_WITH_VALUE)) {
                    if (unknown(w)) {
                        return Map.of();
                    }
                    pending.remove(SystemPackages.apkName(w.value()));
                }
            }
        }
        return pending;
    }

    private List<Site> sites(Project project, List<Finding> skipped) {
        Dockerfile dockerfile = project.dockerfile();
        List<RunScript> scripts = RunScript.of(dockerfile);
        List<Site> sites = new ArrayList<>();
        for (RunScript run : scripts) {
            try {
                consider(dockerfile, scripts, run, aptPending(run), "apt-get purge -y --auto-remove", sites, skipped);
                consider(dockerfile, scripts, run, apkPending(run), "apk del", sites, skipped);
            } catch (RuntimeException e) {
                // an unexpected script: leave it alone
            }
        }
        return sites;
    }

    private void consider(Dockerfile dockerfile, List<RunScript> scripts, RunScript run, Map<String, ShellCommand> pending,
                          String removal, List<Site> sites, List<Finding> skipped) {
        if (pending.isEmpty()) {
            return;
        }
        List<String> packages = List.copyOf(pending.keySet());
        ShellCommand install = pending.values().iterator().next();
        String names = PackageScripts.list(packages);
        String are = packages.size() == 1 ? " is" : " are";
        if (!PackageScripts.ships(dockerfile, run.stage())) {
            skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(install), names + are
                    + " installed in " + stageName(run.stage()) + ", which is not the final image: only the files "
                    + "copied out of it ship, so removing them there saves nothing"));
            return;
        }
        Optional<At> later = Optional.empty();
        for (RunScript s : PackageScripts.downstream(dockerfile, scripts, run, false)) {
            for (ShellCommand c : PackageScripts.commands(s)) {
                if (later.isEmpty() && buildStep(c).isPresent()) {
                    later = Optional.of(new At(s, c));
                }
            }
        }
        if (later.isPresent()) {
            skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(install), names + are + " used by the "
                    + buildStep(later.get().command()).orElseThrow() + " of the RUN on line " + later.get().line()
                    + ": removing them here would break it; combining the RUNs (the combine-runs optimization) "
                    + "makes this applicable"));
            return;
        }
        for (Stage stage : dockerfile.stages()) {
            if (!PackageScripts.descendants(dockerfile, run.stage(), false).contains(stage.index())) {
                continue;
            }
            for (Instruction i : stage.instructions()) {
                if (i.is("cmd") || i.is("entrypoint")) {
                    for (ShellCommand c : PackageScripts.commandOf(i).commands()) {
                        Optional<String> program = c.programName().filter(packages::contains);
                        if (program.isPresent()) {
                            skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(install), "the "
                                    + i.keyword().toUpperCase(Locale.ROOT) + " on line " + i.line()
                                    + " runs " + program.get() + ": it is needed at run time, so " + names + " stay"));
                            return;
                        }
                    }
                }
            }
        }
        Optional<String> usedBy = PackageScripts.after(run, install).stream().map(RemoveBuildDeps::buildStep)
                .flatMap(Optional::stream).findFirst();
        if (usedBy.isEmpty()) {
            skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(install), names + are
                    + " not used by a build step (pip install, make, ./configure, npm ci...) after the install in "
                    + "this RUN or later: they are probably needed at run time, so they stay"));
            return;
        }
        sites.add(new Site(run, install, PackageScripts.runLike(install, removal + " " + String.join(" ", packages)),
                packages, usedBy.get()));
    }

    private static String stageName(Stage stage) {
        return stage.name().map(n -> "the build stage " + n).orElse("build stage " + stage.index());
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Site s : sites(project, findings)) {
            findings.add(Finding.applies(id(), s.run().line(), s.run().excerpt(s.install()),
                    "append " + s.removal() + " to the RUN: " + PackageScripts.list(s.packages())
                            + (s.packages().size() == 1 ? " is" : " are") + " only needed by the " + s.usedBy()
                            + " in this RUN, and compilers and headers stay in the image otherwise"
                            + (s.removal().contains("apt-get purge") && s.packages().stream().anyMatch(p -> p.endsWith("-dev"))
                            ? "; --auto-remove also takes the runtime libraries the -dev packages pulled in (as libpq5 "
                                    + "goes with libpq-dev): install those explicitly so they stay"
                            : "")));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return orNothingToDo(findings, "no compilers or -dev packages installed and left in the image");
    }

    @Override
    public Applied apply(Project project) {
        return PackageScripts.appendAll(project, sites(project, new ArrayList<>()).stream()
                .map(s -> new PackageScripts.Append(s.run(), s.removal(), new ChangeNote(id(), s.run().line(),
                        s.removal() + " appended after the " + s.usedBy())))
                .toList());
    }
}
