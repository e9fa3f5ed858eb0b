package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code COPY . /app} copies the whole build context into the image: the {@code .git} folder,
 * virtual environments, {@code node_modules}, build outputs, secrets. Without a
 * {@code .dockerignore} all of it is sent to the builder and lands in a layer. This proposes
 * one, made for the stacks the project uses; the Dockerfile itself is not changed.
 */
final class DockerIgnore extends BaseOptimization {

    static final String FILE = ".dockerignore";

    /** A group of patterns, proposed when the project uses its stack. */
    private record Section(String title, List<String> patterns) {
    }

    private static final Section BASICS = new Section("Version control, editors and Docker's own files",
            List.of(".git", "**/.DS_Store", "Dockerfile*", ".dockerignore"));
    private static final Section SECRETS = new Section("Secrets: they must never end up in an image layer",
            List.of(".env", "**/*.pem", "**/*.key"));
    private static final Section PYTHON = new Section("Python", List.of("**/__pycache__", "**/*.py[cod]", ".venv",
            "venv", ".pytest_cache", ".mypy_cache", "**/*.egg-info"));
    private static final Section NODE = new Section("Node", List.of("**/node_modules", "npm-debug.log*", "coverage"));
    private static final Section JAVA = new Section("Java", List.of("target", "build", ".gradle", "**/*.class"));
    private static final Section GO = new Section("Go", List.of("bin"));

    private static final Pattern PYTHON_FILES = Pattern.compile(
            "requirements.*\\.txt|pyproject\\.toml|setup\\.py|setup\\.cfg|Pipfile(\\.lock)?|poetry\\.lock|.*\\.py|tox\\.ini|\\.python-version");
    private static final Pattern NODE_FILES = Pattern.compile(
            "package(-lock)?\\.json|yarn\\.lock|pnpm-lock\\.yaml|node_modules|\\.nvmrc|npm-shrinkwrap\\.json|tsconfig\\.json");
    private static final Pattern JAVA_FILES = Pattern.compile(
            "pom\\.xml|build\\.gradle(\\.kts)?|settings\\.gradle(\\.kts)?|gradlew|mvnw|\\.mvn|\\.gradle");
    private static final Pattern GO_FILES = Pattern.compile("go\\.mod|go\\.sum|main\\.go");

    private static final Pattern PYTHON_IMAGE = Pattern.compile("(^|/)(python|pypy)(:|$)");
    private static final Pattern NODE_IMAGE = Pattern.compile("(^|/)node(:|$)");
    private static final Pattern JAVA_IMAGE = Pattern.compile(
            "(^|/)(openjdk|eclipse-temurin|amazoncorretto|maven|gradle|ibm-semeru-runtimes|sapmachine|tomcat)(:|$)");
    private static final Pattern GO_IMAGE = Pattern.compile("(^|/)golang(:|$)");

    private static final Pattern PYTHON_RUN = Pattern.compile("\\b(pip3?|python3?|poetry|pipenv|uv)\\b");
    private static final Pattern NODE_RUN = Pattern.compile("\\b(npm|yarn|pnpm|npx)\\b");
    private static final Pattern JAVA_RUN = Pattern.compile("\\b(mvn|mvnw|gradle|gradlew)\\b|java -jar");
    private static final Pattern GO_RUN = Pattern.compile("\\bgo (build|install|mod)\\b");

    DockerIgnore() {
        super("dockerignore", "Propose a .dockerignore", Category.BUILD_CONTEXT, Risk.MEDIUM,
                "The build may need a file the proposal leaves out of the context: a build output committed to "
                        + "the repository (target/, build/, bin/), a .env or key file read at build time, a "
                        + "Dockerfile that another stage copies. The build then fails with a missing file, or "
                        + "worse, the app starts without its configuration.",
                null);
    }

    /** The COPY and ADD instructions that copy the whole context. */
    private static List<Instruction> wholeContextCopies(Project project) {
        List<Instruction> copies = new ArrayList<>();
        for (Instruction i : project.dockerfile().instructions()) {
            DockerfileFacts.copy(i).filter(DockerfileFacts.Copy::fromContext)
                    .filter(c -> c.sources().stream().anyMatch(s -> DockerfileFacts.cleanPath(s).equals(".")))
                    .ifPresent(c -> copies.add(i));
        }
        return copies;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Instruction> copies = wholeContextCopies(project);
        if (copies.isEmpty()) {
            return List.of(Finding.nothingToDo(id(), "nothing copies the whole build context (COPY . ...)"));
        }
        List<Finding> findings = new ArrayList<>();
        boolean exists = project.hasFile(FILE);
        for (Instruction copy : copies) {
            findings.add(exists
                    ? Finding.notApplicable(id(), copy.line(), copy.logicalLine(), "the project has a .dockerignore "
                            + "already: check that it leaves out .git, secrets and local build outputs")
                    : Finding.applies(id(), copy.line(), copy.logicalLine(), "copies the whole build context and "
                            + "the project has no .dockerignore: .git, local environments, build outputs and "
                            + "secrets all land in the image; propose one (" + String.join(", ", stacks(project))
                            + ")"));
        }
        return findings;
    }

    @Override
    public Applied apply(Project project) {
        List<Instruction> copies = wholeContextCopies(project);
        if (copies.isEmpty() || project.hasFile(FILE)) {
            return Applied.unchanged(project);
        }
        String content = content(project, copies);
        long patterns = content.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        return new Applied(project.withProposedFile(FILE, content), List.of(new ChangeNote(id(), copies.get(0).line(),
                ".dockerignore proposed (" + patterns + " patterns: " + String.join(", ", stacks(project)) + ")")));
    }

    /** The sections that fit the project, in a fixed order. */
    private static List<Section> sections(Project project) {
        List<Section> sections = new ArrayList<>(List.of(BASICS, SECRETS));
        if (uses(project, PYTHON_FILES, PYTHON_IMAGE, PYTHON_RUN)) {
            sections.add(PYTHON);
        }
        if (uses(project, NODE_FILES, NODE_IMAGE, NODE_RUN)) {
            sections.add(NODE);
        }
        if (uses(project, JAVA_FILES, JAVA_IMAGE, JAVA_RUN)) {
            sections.add(JAVA);
        }
        if (uses(project, GO_FILES, GO_IMAGE, GO_RUN)) {
            sections.add(GO);
        }
        return sections;
    }

    private static List<String> stacks(Project project) {
        List<String> names = new ArrayList<>(List.of("basics", "secrets"));
        for (Section s : sections(project)) {
            if (s != BASICS && s != SECRETS) {
                names.add(s.title());
            }
        }
        return names;
    }

    private static boolean uses(Project project, Pattern files, Pattern image, Pattern run) {
        if (project.context().topLevel().stream().anyMatch(n -> files.matcher(n).matches())) {
            return true;
        }
        for (Stage stage : project.dockerfile().stages()) {
            if (image.matcher(stage.baseImage().toLowerCase(Locale.ROOT)).find()) {
                return true;
            }
        }
        for (Instruction i : project.dockerfile().instructions()) {
            if ((i.is("run") || i.is("cmd") || i.is("entrypoint")) && run.matcher(i.logicalLine()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The proposed file: a header, then each section with the patterns the Dockerfile does not need. */
    static String content(Project project, List<Instruction> copies) {
        List<String> sources = new ArrayList<>();
        for (Instruction i : project.dockerfile().instructions()) {
            DockerfileFacts.copy(i).filter(DockerfileFacts.Copy::fromContext).ifPresent(c -> {
                for (String s : c.sources()) {
                    String clean = DockerfileFacts.cleanPath(s);
                    if (!clean.equals(".")) {
                        sources.add(clean);
                    }
                }
            });
        }
        StringBuilder out = new StringBuilder();
        out.append("# .dockerignore proposed by SlimLab (optimization: dockerignore).\n");
        out.append("# The Dockerfile copies the whole build context (line ").append(copies.get(0).line())
                .append(": ").append(copies.get(0).logicalLine()).append(").\n");
        out.append("# Without this file every file of the folder is sent to the builder and copied by it.\n");
        out.append("# Check before you keep it: the build must not need anything listed here (a build output\n");
        out.append("# committed to the repository, a .env or key file read at build time). Remove such lines.\n");
        for (Section section : sections(project)) {
            out.append('\n').append("# ").append(section.title()).append('\n');
            for (String pattern : section.patterns()) {
                String needed = neededBy(pattern, sources);
                if (needed == null) {
                    out.append(pattern).append('\n');
                } else {
                    out.append("# ").append(pattern).append(" is not excluded: the Dockerfile copies ").append(needed)
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The COPY source that the pattern would exclude, or null. */
    private static String neededBy(String pattern, List<String> sources) {
        boolean anyDepth = pattern.startsWith("**/");
        String p = anyDepth ? pattern.substring(3) : pattern;
        Pattern glob = Pattern.compile(globToRegex(p));
        for (String source : sources) {
            List<String> parts = List.of(source.split("/"));
            for (int k = 0; k < parts.size(); k++) {
                if (k > 0 && !anyDepth) {
                    break;
                }
                if (glob.matcher(parts.get(k)).matches()) {
                    return source;
                }
            }
        }
        return null;
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[', ']' -> re.append(ch);
                default -> re.append(Character.isLetterOrDigit(ch) ? String.valueOf(ch) : "\\" + ch);
            }
        }
        return re.toString();
    }
}
