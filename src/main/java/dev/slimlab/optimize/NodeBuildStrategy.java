package dev.slimlab.optimize;

import static dev.slimlab.optimize.StagePaths.basename;
import static dev.slimlab.optimize.StagePaths.relativeOrAbsolute;
import static dev.slimlab.optimize.StagePaths.relativeTo;
import static dev.slimlab.optimize.StagePaths.resolve;
import static dev.slimlab.optimize.StagePaths.under;

import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.optimize.PackageScripts.At;
import dev.slimlab.optimize.SingleStage.Launch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Node for {@code multi-stage}: {@code npm ci}/{@code yarn install} and {@code npm run build} run
 * in the builder; the runtime stage installs production dependencies only and copies the build
 * output.
 */
final class NodeBuildStrategy implements MultiStageStrategy {

    private static final Set<String> NODE_TOOLS = Set.of("npm", "npx", "yarn", "pnpm", "node", "corepack");
    private static final Set<String> DEV_SERVERS = Set.of("nodemon", "ts-node", "ts-node-dev", "tsx", "vite",
            "webpack-dev-server");
    /** Options that ask for dev dependencies (or production ones, which the runtime install says itself). */
    private static final Set<String> DEV_DEPENDENCY_OPTIONS = Set.of("--include=dev", "--production=false",
            "--production", "--production=true", "--omit=dev", "--only=prod", "--only=production", "--dev");
    private static final Set<String> OUT_DIR_OPTIONS = Set.of("--out-dir", "--outDir", "--outdir", "--output-path",
            "--dist-dir");

    @Override
    public String toolchain() {
        return "npm/yarn";
    }

    @Override
    public Detection detect(SingleStage stage) {
        At install = null;
        int installIndex = -1;
        At build = null;
        int buildIndex = -1;
        At buildBeforeInstall = null;
        for (int k = 0; k < stage.body().size() && build == null; k++) {
            for (At cmd : stage.commands(stage.body().get(k))) {
                if (install == null && isNodeInstall(cmd.command())) {
                    install = cmd;
                    installIndex = k;
                } else if (isNodeBuild(cmd.command())) {
                    if (install != null) {
                        build = cmd;
                        buildIndex = k;
                        break;
                    }
                    buildBeforeInstall = buildBeforeInstall == null ? cmd : buildBeforeInstall;
                }
            }
        }
        if (install == null) {
            return buildBeforeInstall == null ? new Absent(null)
                    : new Rejected(buildBeforeInstall.run().line(), buildBeforeInstall.excerpt(), "`"
                    + buildBeforeInstall.excerpt() + "` runs without npm ci or yarn install before it: SlimLab "
                    + "cannot tell which dependencies the runtime stage needs");
        }
        if (build == null) {
            return new Absent("`" + install.excerpt() + "` (line " + install.run().line() + ") installs "
                    + "dependencies but nothing is built after it (no npm run build or yarn build): there is no "
                    + "build output to copy into a runtime stage (npm-omit-dev drops dev dependencies instead)");
        }
        boolean yarn = install.command().programName().orElse("").equals("yarn");
        for (Launch launch : stage.launches()) {
            List<String> w = launch.words();
            String program = basename(w.get(0));
            String script = scriptName(w);
            boolean devServer = DEV_SERVERS.contains(program)
                    || script != null && (script.contains("dev") || script.contains("watch"))
                    || w.size() > 1 && (program.equals("next") || program.equals("nuxt")) && w.get(1).equals("dev")
                    || program.equals("ng") && w.size() > 1 && w.get(1).equals("serve");
            if (devServer) {
                return new Rejected(launch.instruction().line(), launch.instruction().logicalLine().strip(),
                        "the app runs a development server (" + String.join(" ", w) + "): it needs the sources "
                                + "and dev dependencies, not a build output");
            }
        }
        if (!stage.workdirSet(buildIndex)) {
            return new Rejected(build.run().line(), build.excerpt(), "no WORKDIR before the build: where the "
                    + "build output lands depends on the base image, so it cannot be located");
        }
        String workdir = stage.workdir(buildIndex);

        String outDir = outDir(build.command());
        Optional<Launch> nodeLaunch = stage.launches().stream()
                .filter(l -> basename(l.words().get(0)).equals("node")).findFirst();
        if (nodeLaunch.isPresent()) {
            String script = nodeScript(nodeLaunch.get().words());
            if (script != null && !script.contains("$")) {
                String path = resolve(stage.finalWorkdir(), script);
                String relative = relativeTo(workdir, path);
                if (outDir == null && relative != null && relative.contains("/")) {
                    outDir = relative.substring(0, relative.indexOf('/'));
                }
                String out = resolve(workdir, outDir == null ? "dist" : outDir);
                if (!under(path, out) && !stage.copiedAfter(buildIndex, path)) {
                    return new Rejected(nodeLaunch.get().instruction().line(),
                            nodeLaunch.get().instruction().logicalLine().strip(), "the app runs " + script
                            + ", which is not in the build output " + relativeOrAbsolute(workdir, out)
                            + "/: the build step's outputs cannot be located");
                }
            }
        }
        if (outDir == null) {
            outDir = "dist";
        }

        StageSplit split = stage.split();
        String builderName = split.builderName();
        List<ChangeNote> notes = new ArrayList<>();
        Instruction buildRun = build.run().instruction();
        for (int k = 0; k <= buildIndex; k++) {
            Instruction i = stage.body().get(k);
            split.toBuilder(i);
            if (stage.copiesBuildInput(k)
                    || i.is("run") && stage.commands(i).stream().anyMatch(NodeBuildStrategy::buildWork)) {
                split.dropFromRuntime(i);
                if (i != buildRun) {
                    notes.add(stage.builderOnlyNote(i));
                }
            }
        }
        String nl = split.lineEnding();
        String base = workdir.equals("/") ? "" : workdir;
        List<String> manifests = new ArrayList<>();
        if (yarn) {
            manifests.add(base + "/package.json");
            manifests.add(base + (stage.copiedByName(installIndex, "yarn.lock")
                    || stage.project().context().contains("yarn.lock") ? "/yarn.lock" : "/yarn.lock*"));
        } else {
            manifests.add(base + "/package*.json");
        }
        for (String rc : List.of(".npmrc", ".yarnrc")) {
            if (stage.copiedByName(installIndex, rc)) {
                manifests.add(base + "/" + rc);
            }
        }
        String copyManifests = "COPY --from=" + builderName + " " + String.join(" ", manifests) + " ./";
        String installLine = "RUN " + StageSplit.flagsText(install.run().instruction()) + productionInstall(install, yarn);
        String outPath = resolve(workdir, outDir);
        String relativeOut = relativeTo(workdir, outPath);
        String copyOut = "COPY --from=" + builderName + " " + outPath + " "
                + (relativeOut != null && !relativeOut.isEmpty() ? "./" + relativeOut : outPath);
        split.replaceInRuntime(buildRun, copyManifests + nl + installLine + nl + copyOut);
        notes.add(stage.note(stage.from().line(), "new builder stage " + builderName + " (FROM "
                + stage.baseImage() + ") with everything up to and including the build (lines "
                + stage.from().line() + "-" + buildRun.line() + ")"));
        notes.add(stage.note(buildRun.line(), "the build runs in the builder stage; the runtime stage has "
                + copyManifests + ", " + installLine + ", " + copyOut));
        String message = "Node: " + install.excerpt() + " and " + build.excerpt() + " (line" + (installIndex
                == buildIndex ? " " + buildRun.line() : "s " + install.run().line() + ", " + buildRun.line())
                + ") move to a builder stage; the runtime stage (" + stage.baseImage() + ") installs "
                + "production dependencies only and copies " + relativeOrAbsolute(workdir, outPath)
                + "/ (files copied into " + workdir + " before the build stay in the builder)";
        return new Plan(message, split, notes);
    }

    private static boolean isNodeInstall(ShellCommand c) {
        String program = c.programName().orElse("");
        if (program.equals("npm")) {
            Optional<ShellWord> sub = c.subcommand();
            if (sub.isEmpty() || !Set.of("ci", "install", "i", "clean-install").contains(sub.get().value())) {
                return false;
            }
            boolean global = c.hasArgument("-g") || c.hasArgument("--global");
            boolean packages = c.arguments().stream().anyMatch(w -> !w.value().startsWith("-") && w != sub.get());
            return !global && !packages;
        }
        if (program.equals("yarn")) {
            Optional<ShellWord> sub = c.subcommand();
            return sub.isEmpty() || sub.get().value().equals("install");
        }
        return false;
    }

    /** Work of the Node tools for the build (not a tool the app may run with). */
    private static boolean buildWork(At command) {
        return NODE_TOOLS.contains(command.command().programName().orElse("")) && !isRuntimeTool(command.command());
    }

    /** A global install ({@code npm install -g pm2}) or {@code corepack enable}: tools the app may run with. */
    private static boolean isRuntimeTool(ShellCommand c) {
        String program = c.programName().orElse("");
        String sub = c.subcommand().map(ShellWord::value).orElse("");
        return program.equals("npm") && Set.of("install", "i", "add").contains(sub)
                && (c.hasArgument("-g") || c.hasArgument("--global"))
                || program.equals("yarn") && sub.equals("global")
                || program.equals("corepack");
    }

    private static boolean isNodeBuild(ShellCommand c) {
        String program = c.programName().orElse("");
        List<String> args = c.arguments().stream().map(ShellWord::value).filter(v -> !v.startsWith("-")).toList();
        if (args.isEmpty()) {
            return false;
        }
        if (program.equals("npm")) {
            return (args.get(0).equals("run") || args.get(0).equals("run-script")) && args.size() > 1
                    && args.get(1).startsWith("build");
        }
        if (program.equals("yarn")) {
            return args.get(0).startsWith("build") || args.get(0).equals("run") && args.size() > 1
                    && args.get(1).startsWith("build");
        }
        return false;
    }

    /** The output folder a build command names ({@code -- --outDir build}), or null. */
    private static String outDir(ShellCommand build) {
        List<ShellWord> words = build.arguments();
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k).value();
            int eq = w.indexOf('=');
            String option = eq < 0 ? w : w.substring(0, eq);
            if (OUT_DIR_OPTIONS.contains(option)) {
                String value = eq >= 0 ? w.substring(eq + 1) : k + 1 < words.size() ? words.get(k + 1).value() : null;
                if (value != null && !value.isEmpty() && !value.startsWith("-")) {
                    String v = value.startsWith("./") ? value.substring(2) : value;
                    return v.endsWith("/") && v.length() > 1 ? v.substring(0, v.length() - 1) : v;
                }
            }
        }
        return null;
    }

    /** The npm script a launch command runs ({@code start} for {@code npm start}), or null. */
    private static String scriptName(List<String> words) {
        String program = basename(words.get(0));
        List<String> args = words.subList(1, words.size()).stream().filter(v -> !v.startsWith("-")).toList();
        if (args.isEmpty() || !(program.equals("npm") || program.equals("yarn") || program.equals("pnpm"))) {
            return null;
        }
        if (args.get(0).equals("run") || args.get(0).equals("run-script")) {
            return args.size() > 1 ? args.get(1) : null;
        }
        return program.equals("npm") && !args.get(0).equals("start") ? null : args.get(0);
    }

    /** The script {@code node} runs: its first argument that is not an option (or an option's value). */
    private static String nodeScript(List<String> words) {
        Set<String> valued = Set.of("-r", "--require", "--import", "--loader", "--experimental-loader");
        for (int k = 1; k < words.size(); k++) {
            String w = words.get(k);
            if (valued.contains(w)) {
                k++;
            } else if (!w.startsWith("-")) {
                return w;
            }
        }
        return null;
    }

    private static String productionInstall(At install, boolean yarn) {
        ShellCommand c = install.command();
        List<ShellWord> words = c.commandWords();
        String programText = install.run().script().textOf(words.get(0).range());
        Optional<ShellWord> sub = c.subcommand();
        StringBuilder rest = new StringBuilder();
        for (ShellWord w : c.arguments()) {
            if (sub.isPresent() && w == sub.get() || DEV_DEPENDENCY_OPTIONS.contains(w.value())) {
                continue;
            }
            rest.append(' ').append(w.raw());
        }
        return programText + (yarn ? " install --production" : " " + sub.get().value() + " --omit=dev") + rest;
    }
}
