package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code npm ci --omit=dev}: leave devDependencies out of an image that only runs the app. */
final class NpmOmitDev extends BaseOptimization {

    private static final Set<String> INSTALLS = Set.of("ci", "install", "i", "isntall");
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--loglevel", "--registry", "--prefix", "--cache",
            "--userconfig", "--omit", "--include", "--only", "--workspace", "-w", "--tag", "--fetch-retries",
            "--fetch-timeout", "--install-strategy", "--install-links");
    /** Programs that build, bundle, compile or test, and are almost always devDependencies. */
    private static final Set<String> DEV_TOOLS = Set.of("npx", "tsc", "webpack", "webpack-cli", "vite", "next", "nest",
            "ng", "rollup", "esbuild", "babel", "parcel", "gulp", "grunt", "jest", "mocha", "vitest", "tsup", "swc",
            "turbo", "nx", "eslint", "ts-node", "tsx", "nodemon", "prisma", "svelte-kit", "nuxt", "nuxi", "astro",
            "remix", "gatsby", "vue-cli-service", "react-scripts", "ncc", "lerna");
    private static final Pattern NODE_MAJOR = Pattern.compile("(?:.*/)?node:(\\d+)(?:[.-].*)?");

    NpmOmitDev() {
        super("npm-omit-dev", "npm install without devDependencies", Category.PACKAGE_MANAGER, Risk.MEDIUM,
                "A package the app needs at run time but declared under devDependencies (a mis-declared "
                        + "dependency) goes missing, and the app fails when it first requires it; so does a start "
                        + "script that runs a dev tool (ts-node, nodemon).",
                null);
    }

    private record Site(RunScript run, ShellCommand install, ShellWord subcommand, String flag) {
    }

    static boolean isProjectInstall(ShellCommand c) {
        return c.programName().map("npm"::equals).orElse(false)
                && c.subcommand().map(w -> INSTALLS.contains(w.value())).orElse(false)
                && !c.hasArgument("-g") && !c.hasArgument("--global")
                && PackageScripts.operands(c, OPTIONS_WITH_VALUE).isEmpty();
    }

    private static boolean omitsDev(ShellCommand c) {
        List<ShellWord> args = c.arguments();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            String next = i + 1 < args.size() ? args.get(i + 1).value() : "";
            if (v.equals("--omit=dev") || v.equals("--omit") && next.equals("dev") || v.startsWith("--only=prod")
                    || v.equals("--only") && next.startsWith("prod")) {
                return true;
            }
        }
        return c.hasArgument("--production") || c.hasArgument("--production=true")
                || c.assignments().stream().anyMatch(a -> a.value().equals("NODE_ENV=production"));
    }

    private static Optional<String> wantsDev(ShellCommand c) {
        if (PackageScripts.optionValue(c, "--include").map(v -> v.equals("dev")).orElse(false)) {
            return Optional.of("--include=dev");
        }
        if (c.hasArgument("--production=false")) {
            return Optional.of("--production=false");
        }
        if (PackageScripts.optionValue(c, "--only").map(v -> v.startsWith("dev")).orElse(false)) {
            return Optional.of("--only=dev");
        }
        return Optional.empty();
    }

    /** An ENV before the RUN in its stage that sets NODE_ENV=production (npm then omits dev itself). */
    private static boolean productionEnv(Stage stage, Instruction run) {
        boolean production = false;
        for (Instruction i : stage.instructions()) {
            if (i == run) {
                break;
            }
            if (i.is("env")) {
                for (int k = 0; k + 1 < i.args().size(); k += 3) {
                    if (i.args().get(k).equals("NODE_ENV")) {
                        production = i.args().get(k + 1).equals("production");
                    }
                }
            }
        }
        return production;
    }

    /** Programs that only run in development: a CMD that starts the app with one of them needs devDependencies. */
    private static final Set<String> DEV_RUNNERS = Set.of("npx", "ts-node", "tsx", "nodemon", "ts-node-dev");
    private static final Pattern DEV_SCRIPT = Pattern.compile(".*(dev|watch|debug|test).*");

    /**
     * What the command runs that needs devDependencies: in a RUN {@code npm run build},
     * {@code npm test}, {@code npx tsc}, {@code webpack}; in a CMD (at run time, where
     * {@code npm run start:prod} is normal) {@code npm run dev}, {@code nodemon}, {@code npx}.
     */
    static Optional<String> devStep(ShellCommand c, boolean atRunTime) {
        String program = c.programName().orElse("");
        String sub = c.subcommand().map(ShellWord::value).orElse("");
        if (program.equals("npm") || program.equals("yarn") || program.equals("pnpm")) {
            if (sub.equals("run") || sub.equals("run-script") || sub.equals("rum") || sub.equals("urn")) {
                String script = PackageScripts.operands(c, OPTIONS_WITH_VALUE).stream().findFirst()
                        .map(ShellWord::value).orElse("");
                boolean dev = atRunTime ? DEV_SCRIPT.matcher(script).matches() : !script.isEmpty() && !script.equals("start");
                return dev ? Optional.of(program + " run " + script) : Optional.empty();
            }
            boolean dev = sub.equals("test") || sub.equals("t") || sub.equals("tst") || sub.equals("exec")
                    || !program.equals("npm") && (sub.equals("dlx") || sub.equals("dev")
                    || !atRunTime && sub.equals("build"));
            return dev ? Optional.of(program + " " + sub) : Optional.empty();
        }
        boolean dev = atRunTime ? DEV_RUNNERS.contains(program) || DEV_TOOLS.contains(program) && sub.equals("dev")
                : DEV_TOOLS.contains(program);
        return dev ? Optional.of(program + (sub.isEmpty() ? "" : " " + sub)) : Optional.empty();
    }

    private record Step(String what, int line) {
    }

    /** The first step after the install that needs devDependencies: later in the RUN, later RUNs, stages built on or copying from it. */
    private static Optional<Step> laterDevStep(Dockerfile dockerfile, List<RunScript> scripts, RunScript run,
                                               ShellCommand install) {
        for (ShellCommand c : PackageScripts.after(run, install)) {
            Optional<String> step = devStep(c, false);
            if (step.isPresent()) {
                return Optional.of(new Step(step.get(), run.line()));
            }
        }
        for (RunScript later : PackageScripts.downstream(dockerfile, scripts, run, true)) {
            for (ShellCommand c : PackageScripts.commands(later)) {
                Optional<String> step = devStep(c, false);
                if (step.isPresent()) {
                    return Optional.of(new Step(step.get(), later.line()));
                }
            }
        }
        for (Stage stage : dockerfile.stages()) {
            if (!PackageScripts.descendants(dockerfile, run.stage(), true).contains(stage.index())) {
                continue;
            }
            for (Instruction i : stage.instructions()) {
                if (i.is("cmd") || i.is("entrypoint")) {
                    for (ShellCommand c : PackageScripts.commandOf(i).commands()) {
                        Optional<String> step = devStep(c, true);
                        if (step.isPresent()) {
                            return Optional.of(new Step(step.get(), i.line()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code --production} for npm 6 and older (node 14 and older), which ignores {@code --omit}. */
    private static String flagFor(Stage stage) {
        Matcher m = NODE_MAJOR.matcher(stage.baseImage());
        if (m.matches() && m.group(1).length() <= 2 && Integer.parseInt(m.group(1)) <= 14) {
            return "--production";
        }
        return "--omit=dev";
    }

    private List<Site> sites(Project project, List<Finding> skipped) {
        Dockerfile dockerfile = project.dockerfile();
        List<RunScript> scripts = RunScript.of(dockerfile);
        List<Site> sites = new ArrayList<>();
        for (RunScript run : scripts) {
            for (ShellCommand c : PackageScripts.commands(run)) {
                try {
                    if (!isProjectInstall(c) || omitsDev(c)) {
                        continue;
                    }
                    Optional<String> wanted = wantsDev(c);
                    Optional<Step> step = laterDevStep(dockerfile, scripts, run, c);
                    if (wanted.isPresent()) {
                        skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(c),
                                "the install asks for devDependencies (" + wanted.get() + ")"));
                    } else if (productionEnv(run.stage(), run.instruction())) {
                        skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(c),
                                "NODE_ENV=production is set: npm leaves devDependencies out already"));
                    } else if (step.isPresent()) {
                        skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(c),
                                step.get().what() + " on line " + step.get().line() + " needs the devDependencies "
                                        + "(compilers, bundlers, test runners): the way to leave them out is a "
                                        + "multi-stage build, which builds with everything and installs with "
                                        + "--omit=dev in the stage that runs the app"));
                    } else {
                        sites.add(new Site(run, c, c.subcommand().orElseThrow(), flagFor(run.stage())));
                    }
                } catch (RuntimeException e) {
                    // an unexpected command: leave it alone
                }
            }
        }
        return sites;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Site s : sites(project, findings)) {
            findings.add(Finding.applies(id(), s.run().line(), s.run().excerpt(s.install()),
                    "add " + s.flag() + ": npm installs the devDependencies (test runners, compilers, linters, "
                            + "type definitions) into node_modules otherwise, and nothing in this image uses them"));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return orNothingToDo(findings, "no npm ci or npm install of a project that includes its devDependencies");
    }

    @Override
    public Applied apply(Project project) {
        List<Site> sites = sites(project, new ArrayList<>());
        if (sites.isEmpty()) {
            return Applied.unchanged(project);
        }
        DockerfileEditor editor = project.dockerfile().editor();
        List<ChangeNote> notes = new ArrayList<>();
        for (Site s : sites) {
            s.run().insert(editor, s.subcommand().end(), " " + s.flag());
            notes.add(new ChangeNote(id(), s.run().line(), s.run().excerpt(s.install()) + " → " + s.flag() + " added"));
        }
        return PackageScripts.applied(project, editor, notes);
    }
}
