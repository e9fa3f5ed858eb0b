package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.optimize.MultiStageStrategy.Absent;
import dev.slimlab.optimize.MultiStageStrategy.Detection;
import dev.slimlab.optimize.MultiStageStrategy.Plan;
import dev.slimlab.optimize.MultiStageStrategy.Rejected;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a single-stage build whose build-only work is recognisable into a builder stage and a
 * runtime stage that copies only the results. Three patterns are known:
 * <ul>
 *   <li>Python: {@code pip install} runs in the builder with {@code --prefix=/install}; the runtime
 *       stage (same base image) copies {@code /install} to {@code /usr/local} and installs no
 *       compilers or {@code -dev} packages. Commands after the pip install in its RUN (such as
 *       {@code playwright install}) use the installed packages, so they run in the runtime stage.</li>
 *   <li>Node: {@code npm ci}/{@code yarn install} and {@code npm run build} run in the builder; the
 *       runtime stage installs production dependencies only and copies the build output.</li>
 *   <li>Java: {@code mvn package}/{@code gradle build} run in the builder; the runtime stage is
 *       {@code eclipse-temurin:<major>-jre} with the jar the CMD runs.</li>
 * </ul>
 * Anything SlimLab cannot place with confidence makes it not applicable, with the reason. Each
 * pattern is a {@link MultiStageStrategy}; this class checks the stage is one it can split and
 * picks the strategy whose toolchain the stage builds with.
 */
final class MultiStage extends BaseOptimization {

    static final String ID = "multi-stage";
    private static final Set<String> KNOWN_INSTRUCTIONS = Set.of("from", "run", "cmd", "label", "maintainer", "expose",
            "env", "add", "copy", "entrypoint", "volume", "user", "workdir", "arg", "onbuild", "stopsignal",
            "healthcheck", "shell");

    private final List<MultiStageStrategy> strategies = List.of(new PythonPipStrategy(), new NodeBuildStrategy(),
            new JavaJarStrategy());

    MultiStage() {
        super(ID, "Build in a builder stage, run from a lean runtime stage", Category.LAYERS, Risk.HIGH,
                "Only what the runtime stage copies reaches the image: anything the app used from the build "
                        + "steps is gone (shared libraries that came with -dev packages, R or system libraries "
                        + "installed next to the pip packages, files outside the build output folder), and a "
                        + "Java app runs on a different JDK build (the Temurin JRE). Build it and run the staging "
                        + "tests before trusting it.",
                null);
    }

    // ---- the optimization ----------------------------------------------------------------------

    @Override
    public List<Finding> findings(Project project) {
        return List.of(outcome(project).finding());
    }

    @Override
    public Applied apply(Project project) {
        return outcome(project).applied();
    }

    private record Outcome(Finding finding, Applied applied) {
    }

    private Outcome outcome(Project project) {
        try {
            Detection detection = detect(project);
            if (detection instanceof Plan plan) {
                Dockerfile result = plan.split().apply();
                Instruction from = project.dockerfile().stages().get(0).from();
                return new Outcome(Finding.applies(id(), from.line(), from.logicalLine().strip(), plan.message()),
                        new Applied(project.withDockerfile(result), plan.notes().stream()
                                .sorted(Comparator.comparingInt(ChangeNote::line)).toList()));
            }
            Finding finding = detection instanceof Rejected r
                    ? Finding.notApplicable(id(), r.line(), r.excerpt(), r.reason())
                    : Finding.nothingToDo(id(), ((Absent) detection).reason());
            return new Outcome(finding, Applied.unchanged(project));
        } catch (RuntimeException | DockerfileSyntaxException e) {
            return new Outcome(Finding.nothingToDo(id(), "the rewrite failed, so the file is left as it is: "
                    + e.getMessage()), Applied.unchanged(project));
        }
    }

    private Detection detect(Project project) {
        Dockerfile dockerfile = project.dockerfile();
        if (dockerfile.escape() == '`') {
            return new Absent("the file sets # escape=` (a Windows image): the rewrite only knows Linux "
                    + "shells and paths");
        }
        List<Stage> stages = dockerfile.stages();
        if (stages.isEmpty()) {
            return new Absent("no FROM: there is no stage to split");
        }
        if (stages.size() > 1) {
            Instruction second = stages.get(1).from();
            return new Rejected(second.line(), second.logicalLine().strip(), "already multi-stage ("
                    + stages.size() + " stages): only a single-stage build is split");
        }
        SingleStage stage = new SingleStage(project, stages.get(0));
        String lower = stage.resolvedImage().toLowerCase(Locale.ROOT);
        if (lower.contains("windowsservercore") || lower.contains("nanoserver") || lower.contains("/windows/")) {
            return new Absent("the base image " + stage.resolvedImage() + " is a Windows image: the rewrite only "
                    + "knows Linux shells and paths");
        }
        List<Detection> found = new ArrayList<>();
        List<String> toolchains = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (MultiStageStrategy strategy : strategies) {
            Detection d = strategy.detect(stage);
            if (d instanceof Absent a) {
                if (a.reason() != null) {
                    hints.add(a.reason());
                }
            } else {
                found.add(d);
                toolchains.add(strategy.toolchain());
            }
        }
        if (found.size() > 1) {
            return new Rejected(stage.from().line(), stage.from().logicalLine().strip(),
                    "the stage builds with more than one toolchain (" + String.join(", ", toolchains)
                            + "): SlimLab splits one toolchain per stage");
        }
        if (found.size() == 1) {
            if (found.get(0) instanceof Plan) {
                for (Instruction i : stage.body()) {
                    if (!KNOWN_INSTRUCTIONS.contains(i.name())) {
                        return new Rejected(i.line(), i.logicalLine().strip(), i.keyword() + " is not a Dockerfile "
                                + "instruction SlimLab knows (a custom frontend expands it): what it adds cannot be "
                                + "placed in a builder or a runtime stage");
                    }
                }
            }
            return found.get(0);
        }
        if (!hints.isEmpty()) {
            return new Absent(String.join("; ", hints));
        }
        return new Absent("no recognised build step (pip install; npm ci or yarn install then npm run build; "
                + "mvn package or gradle build with java -jar): nothing to move into a builder stage");
    }
}
