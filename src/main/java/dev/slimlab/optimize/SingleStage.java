package dev.slimlab.optimize;

import static dev.slimlab.optimize.StagePaths.basename;
import static dev.slimlab.optimize.StagePaths.resolve;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ResolvedStage;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.Variables;
import dev.slimlab.optimize.PackageScripts.At;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one stage of a single-stage build, with what every {@link MultiStageStrategy} asks of it:
 * its instructions and RUN scripts, the working directory each instruction runs in, the commands
 * the container starts with, and what its COPYs bring in.
 */
final class SingleStage {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash");

    private final Project project;
    private final Stage stage;
    private final String resolvedImage;
    private final Map<Instruction, List<RunScript>> scripts = new IdentityHashMap<>();
    /** The working directory each instruction runs in, and whether a WORKDIR of the stage set it. */
    private final List<String> workdirs = new ArrayList<>();
    private final List<Boolean> workdirSet = new ArrayList<>();

    SingleStage(Project project, Stage stage) {
        this.project = project;
        this.stage = stage;
        Dockerfile dockerfile = project.dockerfile();
        String resolved = stage.baseImage();
        try {
            List<ResolvedStage> all = Variables.resolve(dockerfile, project.buildArgs());
            resolved = all.get(0).baseImage();
        } catch (Exception e) {
            // keep the image as written
        }
        this.resolvedImage = resolved;
        for (RunScript run : RunScript.of(dockerfile)) {
            scripts.computeIfAbsent(run.instruction(), k -> new ArrayList<>()).add(run);
        }
        String workdir = "/";
        boolean set = false;
        for (Instruction i : stage.instructions()) {
            workdirs.add(workdir);
            workdirSet.add(set);
            if (i.is("workdir") && !i.args().isEmpty()) {
                workdir = resolve(workdir, StagePaths.unquote(i.args().get(0)));
                set = true;
            }
        }
        workdirs.add(workdir);
        workdirSet.add(set);
    }

    Project project() {
        return project;
    }

    Dockerfile dockerfile() {
        return project.dockerfile();
    }

    Stage stage() {
        return stage;
    }

    Instruction from() {
        return stage.from();
    }

    /** The base image as the FROM line writes it. */
    String baseImage() {
        return stage.baseImage();
    }

    /** The base image with the build args filled in (as written if they cannot be). */
    String resolvedImage() {
        return resolvedImage;
    }

    Optional<ImageReference> imageReference() {
        return ImageReference.parse(resolvedImage);
    }

    /** The instructions after FROM. */
    List<Instruction> body() {
        return stage.instructions();
    }

    /** The scripts a RUN executes (its command line and here-documents). */
    List<RunScript> scripts(Instruction run) {
        return scripts.getOrDefault(run, List.of());
    }

    /** The commands of a RUN, each with the script it belongs to (for edits). */
    List<At> commands(Instruction run) {
        List<At> out = new ArrayList<>();
        for (RunScript s : scripts(run)) {
            for (ShellCommand c : s.script().commands()) {
                out.add(new At(s, c));
            }
        }
        return out;
    }

    /** The working directory the instruction at {@code index} runs in ({@code body().size()}: where CMD runs). */
    String workdir(int index) {
        return workdirs.get(index);
    }

    /** True if a WORKDIR of the stage set the working directory of the instruction at {@code index}. */
    boolean workdirSet(int index) {
        return workdirSet.get(index);
    }

    /** The working directory at the end of the stage (where CMD runs). */
    String finalWorkdir() {
        return workdir(body().size());
    }

    boolean finalWorkdirSet() {
        return workdirSet(body().size());
    }

    /** A builder stage and a runtime stage to be made of this one. */
    StageSplit split() {
        return new StageSplit(dockerfile(), stage);
    }

    /** A change note of the multi-stage optimization. */
    ChangeNote note(int line, String message) {
        return new ChangeNote(MultiStage.ID, line, message);
    }

    /** The note for an instruction that only the builder stage keeps. */
    ChangeNote builderOnlyNote(Instruction i) {
        return note(i.line(), i.logicalLine().strip() + " only in the builder stage");
    }

    // ---- what the COPYs bring in -----------------------------------------------------------------

    /** Whether the COPY at {@code index} puts a file at {@code path}: see {@link StagePaths#copyProvides}. */
    int copyProvides(int index, String path) {
        return StagePaths.copyProvides(body().get(index), workdir(index), path);
    }

    /** True if the COPY at {@code index} puts something into the folder {@code folder}. */
    boolean copyInto(int index, String folder) {
        return StagePaths.copyInto(body().get(index), workdir(index), folder);
    }

    /** True if every source of the COPY at {@code index} is one of {@code files}, named as a file. */
    boolean copyOnlyFiles(int index, Set<String> files) {
        return StagePaths.copyOnlyFiles(body().get(index), workdir(index), files);
    }

    /**
     * True if the instruction at {@code index} is a COPY or ADD of build input: it writes into the
     * build's working directory and brings no file CMD or ENTRYPOINT runs or reads.
     */
    boolean copiesBuildInput(int index) {
        Instruction i = body().get(index);
        return (i.is("copy") || i.is("add")) && StagePaths.copyIntoWorkdir(i, workdir(index))
                && !providesLaunchFile(index);
    }

    /** True if the COPY at {@code index} names a file that CMD or ENTRYPOINT runs or reads ({@code ./entrypoint.sh}). */
    boolean providesLaunchFile(int index) {
        for (Launch launch : launches()) {
            for (String word : launch.words()) {
                if (!word.startsWith("-") && !word.contains("$") && (word.contains("/") || word.contains("."))
                        && copyProvides(index, resolve(finalWorkdir(), word)) == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if a COPY or ADD after {@code index} puts a file at {@code path}. */
    boolean copiedAfter(int index, String path) {
        for (int k = index + 1; k < body().size(); k++) {
            if (copyProvides(k, path) > 0) {
                return true;
            }
        }
        return false;
    }

    /** True if a COPY before {@code index} names a source file called {@code name}. */
    boolean copiedByName(int index, String name) {
        for (int k = 0; k < index; k++) {
            Instruction i = body().get(k);
            if (StagePaths.isContextCopy(i) && StagePaths.copySources(i).stream()
                    .anyMatch(s -> basename(StagePaths.stripDotSlash(s)).equals(name))) {
                return true;
            }
        }
        return false;
    }

    // ---- launch commands (CMD / ENTRYPOINT) ------------------------------------------------------

    /** A command the container starts with: the words of one command of CMD or ENTRYPOINT. */
    record Launch(Instruction instruction, List<String> words) {
    }

    List<Launch> launches() {
        Instruction cmd = null;
        Instruction entrypoint = null;
        for (Instruction i : body()) {
            if (i.is("cmd")) {
                cmd = i;
            } else if (i.is("entrypoint")) {
                entrypoint = i;
            }
        }
        List<Launch> out = new ArrayList<>();
        if (entrypoint != null && cmd != null && entrypoint.isJsonForm() && cmd.isJsonForm()
                && !entrypoint.args().isEmpty() && !SHELLS.contains(basename(entrypoint.args().get(0)))) {
            List<String> joined = new ArrayList<>(entrypoint.args());
            joined.addAll(cmd.args());
            out.add(new Launch(entrypoint, joined));
        }
        for (Instruction i : new Instruction[] {entrypoint, cmd}) {
            if (i != null) {
                for (List<String> words : launchWords(i)) {
                    out.add(new Launch(i, words));
                }
            }
        }
        return out;
    }

    private static List<List<String>> launchWords(Instruction i) {
        List<String> args = i.args();
        if (i.isJsonForm()) {
            int c = args.indexOf("-c");
            if (!args.isEmpty() && SHELLS.contains(basename(args.get(0))) && c > 0 && c + 1 < args.size()) {
                return shellWords(args.get(c + 1));
            }
            return args.isEmpty() ? List.of() : List.of(args);
        }
        return shellWords(i.arguments());
    }

    private static List<List<String>> shellWords(String script) {
        List<List<String>> out = new ArrayList<>();
        for (ShellCommand c : ShellScript.parse(script).commands()) {
            List<String> words = c.commandWords().stream().map(ShellWord::value).toList();
            if (!words.isEmpty()) {
                out.add(words);
            }
        }
        return out;
    }
}
