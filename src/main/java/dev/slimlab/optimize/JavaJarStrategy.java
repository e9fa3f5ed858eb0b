package dev.slimlab.optimize;

import static dev.slimlab.optimize.StagePaths.basename;
import static dev.slimlab.optimize.StagePaths.parent;
import static dev.slimlab.optimize.StagePaths.relativeTo;
import static dev.slimlab.optimize.StagePaths.resolve;
import static dev.slimlab.optimize.StagePaths.unquote;

import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.optimize.PackageScripts.At;
import dev.slimlab.optimize.SingleStage.Launch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java for {@code multi-stage}: {@code mvn package}/{@code gradle build} run in the builder; the
 * runtime stage is {@code eclipse-temurin:<major>-jre} with the jar the CMD runs.
 */
final class JavaJarStrategy implements MultiStageStrategy {

    private static final Set<String> JAVA_BUILD_TOOLS = Set.of("mvn", "mvnw", "gradle", "gradlew");
    private static final Set<String> JAVA_TOOLS = Set.of("mvn", "mvnw", "gradle", "gradlew", "java", "javac", "jar");
    private static final Set<String> MAVEN_GOALS = Set.of("package", "install", "verify");
    private static final Set<String> GRADLE_TASKS = Set.of("build", "bootJar", "jar", "assemble", "shadowJar");
    private static final Set<String> JDK_IMAGES = Set.of("maven", "gradle", "eclipse-temurin", "openjdk",
            "amazoncorretto");
    private static final Set<String> JDK_VENDORS = Set.of("eclipse", "temurin", "openjdk", "jdk", "amazoncorretto",
            "corretto", "sapmachine", "semeru", "graalvm", "ibmjava", "liberica", "zulu");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    @Override
    public String toolchain() {
        return "Maven/Gradle";
    }

    @Override
    public Detection detect(SingleStage stage) {
        At build = null;
        int buildIndex = -1;
        for (int k = 0; k < stage.body().size() && build == null; k++) {
            for (At cmd : stage.commands(stage.body().get(k))) {
                if (isJavaBuild(cmd.command())) {
                    build = cmd;
                    buildIndex = k;
                    break;
                }
            }
        }
        List<Launch> launches = stage.launches();
        for (Launch launch : launches) {
            if (JAVA_BUILD_TOOLS.contains(basename(launch.words().get(0)))) {
                return new Rejected(launch.instruction().line(), launch.instruction().logicalLine().strip(),
                        "the app runs from the build tool (" + String.join(" ", launch.words()) + "): the "
                                + "runtime stage would need it and the sources; run a packaged jar instead");
            }
        }
        if (build == null) {
            return new Absent(null);
        }
        String jar = null;
        Launch jarLaunch = null;
        for (Launch launch : launches) {
            List<String> w = launch.words();
            if (basename(w.get(0)).equals("java")) {
                int at = w.indexOf("-jar");
                if (at > 0 && at + 1 < w.size()) {
                    jar = w.get(at + 1);
                    jarLaunch = launch;
                    break;
                }
            }
        }
        if (jar == null) {
            return new Rejected(build.run().line(), build.excerpt(), "`" + build.excerpt() + "` builds, but no CMD "
                    + "or ENTRYPOINT runs java -jar <file>: the build step's outputs cannot be located");
        }
        Optional<ImageReference> reference = stage.imageReference();
        String name = reference.map(ImageReference::officialName).orElse("");
        if (!JDK_IMAGES.contains(name)) {
            return new Rejected(stage.from().line(), stage.from().logicalLine().strip(), "the base image "
                    + stage.resolvedImage() + " is not a Maven, Gradle or JDK image SlimLab knows: the matching JRE "
                    + "is not known");
        }
        Optional<String> major = ImageReference.parse(stage.baseImage())
                .filter(r -> JDK_IMAGES.contains(r.officialName()))
                .flatMap(r -> jdkMajor(r.officialName(), r.tag()))
                .or(() -> jdkMajor(name, reference.get().tag()).filter(v -> NUMBER.matcher(v).matches()));
        if (major.isEmpty()) {
            return new Rejected(stage.from().line(), stage.from().logicalLine().strip(), "the JDK major "
                    + "version of " + stage.resolvedImage() + " is unknown (name it in the tag, e.g. "
                    + "maven:3.9-eclipse-temurin-17): the matching JRE cannot be chosen");
        }
        if (jar.contains("$")) {
            return new Rejected(jarLaunch.instruction().line(), jarLaunch.instruction().logicalLine().strip(),
                    "the jar path " + jar + " uses variables: the build step's outputs cannot be located");
        }
        if (!jar.startsWith("/") && !stage.finalWorkdirSet()) {
            return new Rejected(jarLaunch.instruction().line(), jarLaunch.instruction().logicalLine().strip(),
                    "no WORKDIR: where " + jar + " lands depends on the base image, so it cannot be located");
        }
        boolean alpine = ImageReference.tagParts(reference.get().tag()).stream().anyMatch(p -> p.startsWith("alpine"));
        String runtimeImage = "eclipse-temurin:" + major.get() + "-jre" + (alpine ? "-alpine" : "");
        boolean maven = Set.of("mvn", "mvnw").contains(build.command().programName().orElse(""));
        String outputFolder = maven ? "target/" : "build/libs";
        int end = buildIndex;
        Set<Instruction> postBuild = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = buildIndex + 1; k < stage.body().size(); k++) {
            Instruction i = stage.body().get(k);
            if (i.is("run") && (i.text().contains(".jar") || i.text().contains(outputFolder))) {
                postBuild.add(i);
                end = k;
            }
        }
        StringBuilder runtimeRuns = new StringBuilder();
        for (int k = 0; k < stage.body().size(); k++) {
            Instruction i = stage.body().get(k);
            boolean builderOnly = k == buildIndex || postBuild.contains(i)
                    || k <= end && stage.commands(i).stream().anyMatch(JavaJarStrategy::javaTool);
            if (!i.is("run") || builderOnly) {
                continue;
            }
            runtimeRuns.append(i.text());
            for (At cmd : stage.commands(i)) {
                String program = cmd.command().programName().orElse("");
                boolean foreign = alpine ? SystemPackages.isManager(cmd.command()) && !program.equals("apk")
                        : SystemPackages.isManager(cmd.command()) && !SystemPackages.isApt(cmd.command());
                if (foreign) {
                    return new Rejected(i.line(), cmd.excerpt(), "`" + cmd.excerpt() + "` would run in the "
                            + runtimeImage + " runtime stage, which does not have " + program);
                }
            }
        }
        for (Instruction i : stage.body()) {
            if (i.is("user") && !i.args().isEmpty()) {
                String user = unquote(i.args().get(0)).split(":", 2)[0];
                if (!user.matches("[0-9]+|root|nobody|\\$.*") && !runtimeRuns.toString().contains(user)) {
                    return new Rejected(i.line(), i.logicalLine().strip(), "USER " + user + " comes with the "
                            + stage.resolvedImage() + " image (no RUN of the runtime stage creates it): the "
                            + runtimeImage + " runtime image may not have that user");
                }
            }
        }

        StageSplit split = stage.split();
        String builderName = split.builderName();
        List<ChangeNote> notes = new ArrayList<>();
        Set<String> buildDeps = new LinkedHashSet<>();
        for (int k = 0; k <= end; k++) {
            Instruction i = stage.body().get(k);
            split.toBuilder(i);
            boolean buildWork = i.is("run") && (k == buildIndex || postBuild.contains(i)
                    || stage.commands(i).stream().anyMatch(JavaJarStrategy::javaTool));
            if (stage.copiesBuildInput(k) || buildWork) {
                split.dropFromRuntime(i);
                if (k != buildIndex) {
                    notes.add(stage.builderOnlyNote(i));
                }
            } else if (i.is("run") && !alpine) {
                RuntimeRun edit = RuntimeRun.of(stage, i, c -> false);
                if (edit.changed()) {
                    buildDeps.addAll(edit.removedPackages());
                    edit.applyTo(split, i);
                    notes.add(stage.note(i.line(), "build deps "
                            + String.join(", ", edit.removedPackages()) + " only in the builder stage"));
                }
            }
        }
        Instruction from = stage.from();
        split.replaceInRuntime(from, StageSplit.edited(stage.dockerfile(), from,
                editor -> editor.withArgument(from, 0, runtimeImage)));
        String jarPath = resolve(stage.finalWorkdir(), jar);
        String endWorkdir = stage.workdir(end + 1);
        String destination;
        if (jar.contains("*") || jar.contains("?")) {
            String folder = parent(jarPath);
            String relative = relativeTo(endWorkdir, folder);
            destination = relative == null ? folder + "/" : relative.isEmpty() ? "./" : relative + "/";
        } else {
            String relative = relativeTo(endWorkdir, jarPath);
            destination = relative == null ? jarPath : relative;
        }
        String copyJar = "COPY --from=" + builderName + " " + jarPath + " " + destination;
        Instruction last = stage.body().get(end);
        split.replaceInRuntime(last, copyJar);
        notes.add(stage.note(from.line(), "new builder stage " + builderName + " (FROM "
                + stage.baseImage() + ") with everything up to the build (lines " + from.line() + "-"
                + last.line() + "); the runtime stage runs on " + runtimeImage));
        notes.add(stage.note(build.run().line(), "the build runs in the builder stage; the runtime stage "
                + "has " + copyJar));
        String vendor = temurinBased(name, reference.get().tag()) ? ""
                : " (a different JDK build than " + stage.resolvedImage() + ": check the JVM behaves the same)";
        String message = "Java (" + (maven ? "Maven" : "Gradle") + "): `" + build.excerpt() + "` (line "
                + build.run().line() + ") moves to a builder stage on " + stage.baseImage() + "; the runtime "
                + "stage runs " + jar + " on " + runtimeImage + vendor
                + (buildDeps.isEmpty() ? "" : "; build deps " + String.join(", ", buildDeps)
                + " stay in the builder");
        return new Plan(message, split, notes);
    }

    /** A command of a Java tool: a build, or work on its output (java -jar, jar). */
    private static boolean javaTool(At command) {
        return JAVA_TOOLS.contains(command.command().programName().orElse(""));
    }

    private static boolean isJavaBuild(ShellCommand c) {
        String program = c.programName().orElse("");
        Set<String> goals = program.equals("mvn") || program.equals("mvnw") ? MAVEN_GOALS
                : program.equals("gradle") || program.equals("gradlew") ? GRADLE_TASKS : Set.of();
        return c.arguments().stream().anyMatch(w -> goals.contains(w.value().substring(w.value().lastIndexOf(':') + 1)));
    }

    /** The JDK major version a JDK image tag names ({@code 3.9-eclipse-temurin-17} → 17), possibly a variable. */
    private static Optional<String> jdkMajor(String name, String tag) {
        List<String> parts = ImageReference.tagParts(tag);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (Set.of("eclipse-temurin", "openjdk", "amazoncorretto").contains(name)) {
            String first = parts.get(0);
            if (first.contains("$")) {
                return Optional.of(first);
            }
            Matcher m = Pattern.compile("^([0-9]+)").matcher(first);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
        boolean vendorSeen = false;
        for (String part : parts) {
            if (name.equals("gradle") && part.matches("jdk[0-9]+")) {
                return Optional.of(part.substring(3));
            }
            if (JDK_VENDORS.contains(part)) {
                vendorSeen = true;
            } else if (vendorSeen && (NUMBER.matcher(part).matches() || part.contains("$"))) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    private static boolean temurinBased(String name, String tag) {
        return name.equals("eclipse-temurin") || name.equals("gradle") || tag.contains("temurin");
    }
}
