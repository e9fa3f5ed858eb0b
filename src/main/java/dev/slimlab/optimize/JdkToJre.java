package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK that the image only uses to run Java → the JRE: {@code openjdk-17-jdk} →
 * {@code openjdk-17-jre-headless} (also apk and dnf/yum packages), {@code eclipse-temurin:17-jdk}
 * → {@code eclipse-temurin:17-jre}. Only where the stage, and the stages built FROM it, use no
 * JDK tool (javac, jar, jlink, Maven, Gradle, jcmd...).
 */
final class JdkToJre extends BaseOptimization {

    /** Programs that need a JDK: compilers, packagers, build tools, diagnostics. */
    private static final Set<String> JDK_TOOLS = Set.of("javac", "jar", "jlink", "jdeps", "jshell", "native-image",
            "mvn", "mvnw", "gradle", "gradlew", "jpackage", "jmod", "javadoc", "jarsigner", "jdb", "jcmd", "jstack",
            "jmap", "jps", "jstat", "jinfo", "jhsdb", "ant", "sbt", "lein", "kotlinc", "scalac");
    /** Packages that bring a build tool, which needs the JDK. */
    private static final Set<String> BUILD_TOOL_PACKAGES = Set.of("maven", "gradle", "ant", "sbt", "leiningen");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh");

    private static final Pattern APT_JDK =
            Pattern.compile("(openjdk-([0-9]+)-jdk(?:-headless)?|default-jdk(?:-headless)?)((?:[:=].*)?)");
    private static final Pattern APK_JDK = Pattern.compile("(openjdk([0-9]+)(?:-jdk)?)((?:[=~<>].*)?)");
    private static final Pattern RPM_JDK = Pattern.compile("(java-([0-9.]+)-openjdk-devel)((?:[-.][0-9].*)?)");

    JdkToJre() {
        super("jdk-to-jre", "Run on the JRE instead of the JDK", Category.TOOLCHAIN, Risk.MEDIUM,
                "The JRE has no JDK tools: jcmd, jstack, jmap and jfr, used to diagnose a running service, are "
                        + "gone, and so is anything that compiles at run time. The JRE can also be another build of "
                        + "the JVM than the JDK it replaces (another vendor, patch release or defaults): in the story, "
                        + "a generic JDK behaved unlike the OpenJDK 11.0.20 the service was tested on. Compare "
                        + "java -version and run the staging tests.",
                null);
    }

    /** A JDK site: the stage's base image, or a JDK package an install command names. */
    private record Site(Stage stage, int line, String excerpt, String message, BaseImageRewrite.Edit from,
                        RunScript run, ShellWord word, String replacement, String note) {
    }

    /** A JDK tool a stage uses. */
    private record ToolUse(String tool, int line, int stage) {

        @Override
        public String toString() {
            return tool + " (line " + line + ")";
        }
    }

    private List<Site> sites(Project project, List<Finding> findings) {
        BaseImageRewrite images = BaseImageRewrite.of(project);
        List<RunScript> runs = RunScript.of(project.dockerfile());
        Map<Integer, List<ToolUse>> toolsOf = new HashMap<>();
        for (Stage stage : project.dockerfile().stages()) {
            toolsOf.put(stage.index(), tools(stage, runs));
        }
        List<Finding> out = new ArrayList<>();
        List<Site> candidates = new ArrayList<>();
        Map<Integer, String> targets = new TreeMap<>();
        for (BaseImageRewrite.Base base : images.bases()) {
            Stage stage = base.stage();
            String blocked = blocked(stage, images, toolsOf);
            Instruction from = stage.from();
            if (!base.namesStage() && base.image() != null && base.image().isOfficial()) {
                ImageReference image = base.image();
                ImageReference.Variant jre = ImageReference.jre(image.officialName(), image.tag());
                if (jre != null) {
                    String reason = !jre.exists() ? jre.reason()
                            : image.hasDigest() ? BaseImageRewrite.describe(base)
                            + " is pinned by digest: the JRE image has another digest; pin " + image.with(jre)
                            + " by its own digest"
                            : blocked;
                    if (reason != null) {
                        out.add(Finding.notApplicable(id(), from.line(), from.logicalLine(), reason));
                    } else {
                        targets.put(stage.index(), image.with(jre).toString());
                    }
                }
            }
            for (RunScript run : runs) {
                if (run.stage().index() != stage.index()) {
                    continue;
                }
                for (ShellCommand c : run.script().commands()) {
                    for (ShellWord w : installedPackages(c)) {
                        Optional<String> jre = jrePackage(c, w.value());
                        if (jre.isEmpty()) {
                            continue;
                        }
                        if (blocked != null) {
                            out.add(Finding.notApplicable(id(), run.line(), run.excerpt(c), blocked));
                        } else if (w.isQuoted()) {
                            out.add(Finding.notApplicable(id(), run.line(), run.excerpt(c),
                                    w.raw() + " is written with quotes or escapes; SlimLab leaves it as written"));
                        } else {
                            String note = w.value() + " → " + jre.get();
                            candidates.add(new Site(stage, run.line(), run.excerpt(c),
                                    "install " + jre.get() + " instead of " + w.value() + ": the stage only runs Java, "
                                            + "and the headless JRE leaves out the compiler, the JDK tools and the "
                                            + "desktop libraries (often 100-200 MB)",
                                    null, run, w, jre.get(), note));
                        }
                    }
                }
            }
        }
        for (Map.Entry<Integer, String> target : targets.entrySet()) {
            BaseImageRewrite.Base base = images.bases().get(target.getKey());
            Instruction from = base.stage().from();
            BaseImageRewrite.Plan plan = images.safePlan(base.stage(), ImageReference::jre, targets);
            if (!plan.possible()) {
                out.add(Finding.notApplicable(id(), from.line(), from.logicalLine(), plan.reason()));
                continue;
            }
            candidates.add(new Site(base.stage(), from.line(), from.logicalLine(),
                    "use " + target.getValue() + " instead of " + BaseImageRewrite.describe(base)
                            + ": the stage only runs Java, and the JRE image leaves out the compiler, jlink, jcmd "
                            + "and the other JDK tools (often 100-200 MB)",
                    plan.edit(), null, null, null, plan.edit().note()));
        }
        candidates.sort(Comparator.comparingInt(Site::line));
        for (Site s : candidates) {
            out.add(Finding.applies(id(), s.line(), s.excerpt(), s.message()));
        }
        out.sort(Comparator.comparingInt(Finding::line));
        findings.addAll(out);
        return candidates;
    }

    /**
     * Why the stage needs its JDK: a JDK tool it uses, or a stage built FROM it uses (they share
     * its image); null if none does.
     */
    private static String blocked(Stage stage, BaseImageRewrite images, Map<Integer, List<ToolUse>> toolsOf) {
        List<ToolUse> tools = new ArrayList<>();
        for (BaseImageRewrite.Base other : images.bases()) {
            if (builtOn(other.stage().index(), stage.index(), images)) {
                tools.addAll(toolsOf.getOrDefault(other.stage().index(), List.of()));
            }
        }
        if (tools.isEmpty()) {
            return null;
        }
        tools.sort(Comparator.comparingInt(ToolUse::line));
        ToolUse first = tools.get(0);
        String who = first.stage() == stage.index() ? "the stage uses "
                : "the stage " + images.bases().get(first.stage()).stage().name().orElse("#" + first.stage())
                + ", built FROM this one, uses ";
        int more = tools.size() - 1;
        return who + first + (more > 0 ? " and " + more + " other JDK tool use" + (more > 1 ? "s" : "") : "")
                + ", which needs the JDK; build in a JDK stage and copy the result into a JRE stage (multi-stage)";
    }

    /** True if stage {@code index} is {@code base} or built FROM it, directly or through other stages. */
    private static boolean builtOn(int index, int base, BaseImageRewrite images) {
        int at = index;
        for (int guard = 0; guard <= images.bases().size(); guard++) {
            if (at == base) {
                return true;
            }
            if (!images.bases().get(at).namesStage()) {
                return false;
            }
            at = images.bases().get(at).baseStage();
        }
        return false;
    }

    /** The JDK tools the stage's RUN, CMD, ENTRYPOINT and HEALTHCHECK instructions and installed packages use. */
    private static List<ToolUse> tools(Stage stage, List<RunScript> runs) {
        List<ToolUse> tools = new ArrayList<>();
        for (RunScript run : runs) {
            if (run.stage().index() != stage.index()) {
                continue;
            }
            for (ShellCommand c : run.script().commands()) {
                tool(c).ifPresent(t -> tools.add(new ToolUse(t, run.line(), stage.index())));
                for (ShellWord w : installedPackages(c)) {
                    if (BUILD_TOOL_PACKAGES.contains(w.value())) {
                        tools.add(new ToolUse(w.value() + " (installed)", run.line(), stage.index()));
                    }
                }
            }
        }
        for (Instruction i : stage.instructions()) {
            if (i.is("cmd") || i.is("entrypoint") || i.is("healthcheck") || i.is("run") && i.isJsonForm()) {
                for (ShellCommand c : PackageScripts.commandOf(i).commands()) {
                    tool(c).ifPresent(t -> tools.add(new ToolUse(t, i.line(), stage.index())));
                }
            }
        }
        tools.sort(Comparator.comparingInt(ToolUse::line));
        return tools;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The JDK tool a command runs, as written: {@code ./mvnw}, {@code sh gradlew}, {@code javac};
     * also in the script of {@code sh -c '...'}.
     */
    private static Optional<String> tool(ShellCommand c) {
        Optional<String> program = c.program();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        String name = fileName(program.get());
        if (JDK_TOOLS.contains(name)) {
            return program;
        }
        if (SHELLS.contains(name)) {
            Optional<String> script = PackageScripts.shellScript(c.commandWords().stream().map(ShellWord::value).toList());
            if (script.isPresent()) {
                return ShellScript.parse(script.get()).commands().stream().map(JdkToJre::tool)
                        .flatMap(Optional::stream).findFirst();
            }
            return c.arguments().stream().filter(w -> !w.value().startsWith("-")).findFirst()
                    .filter(w -> JDK_TOOLS.contains(fileName(w.value()))).map(w -> program.get() + " " + w.value());
        }
        return Optional.empty();
    }

    /**
     * The package words of an install command: {@code apt-get}/{@code apt install}, {@code apk add},
     * {@code dnf}/{@code yum}/{@code microdnf install}.
     */
    private static List<ShellWord> installedPackages(ShellCommand c) {
        String program = c.programName().orElse("");
        boolean install = switch (program) {
            case "apt-get", "apt", "yum", "dnf", "microdnf" -> c.runs(program, "install");
            case "apk" -> c.runs(program, "add");
            default -> false;
        };
        if (!install) {
            return List.of();
        }
        ShellWord subcommand = c.subcommand().orElseThrow();
        List<ShellWord> args = c.arguments();
        List<ShellWord> packages = new ArrayList<>();
        for (ShellWord w : args.subList(args.indexOf(subcommand) + 1, args.size())) {
            if (!w.value().startsWith("-")) {
                packages.add(w);
            }
        }
        return packages;
    }

    /** The headless JRE package for a JDK package of that package manager; empty if it is none. */
    private static Optional<String> jrePackage(ShellCommand c, String name) {
        String program = c.programName().orElse("");
        Matcher m;
        switch (program) {
            case "apt-get", "apt" -> {
                m = APT_JDK.matcher(name);
                if (m.matches()) {
                    String jre = m.group(2) != null ? "openjdk-" + m.group(2) + "-jre-headless" : "default-jre-headless";
                    return Optional.of(jre + m.group(3));
                }
            }
            case "apk" -> {
                m = APK_JDK.matcher(name);
                if (m.matches()) {
                    return Optional.of("openjdk" + m.group(2) + "-jre-headless" + m.group(3));
                }
            }
            case "yum", "dnf", "microdnf" -> {
                m = RPM_JDK.matcher(name);
                if (m.matches()) {
                    return Optional.of("java-" + m.group(2) + "-openjdk-headless" + m.group(3));
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        sites(project, findings);
        return orNothingToDo(findings, "no JDK base image or JDK package");
    }

    @Override
    public Applied apply(Project project) {
        try {
            List<EditBatch.Change> changes = new ArrayList<>();
            List<BaseImageRewrite.Edit> fromEdits = new ArrayList<>();
            for (Site s : sites(project, new ArrayList<>())) {
                if (s.from() != null) {
                    if (fromEdits.stream().anyMatch(s.from()::sameAs)) {
                        continue;
                    }
                    fromEdits.add(s.from());
                    changes.add(new EditBatch.Change(s.from()::addTo,
                            List.of(new ChangeNote(id(), s.from().line(), s.note()))));
                } else {
                    changes.add(new EditBatch.Change(editor -> s.run().replace(editor, s.word().range(), s.replacement()),
                            List.of(new ChangeNote(id(), s.line(), s.note()))));
                }
            }
            return EditBatch.apply(project, changes);
        } catch (RuntimeException e) {
            return Applied.unchanged(project); // never throw: a Dockerfile SlimLab cannot read is left as it is
        }
    }
}
