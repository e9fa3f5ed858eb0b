package dev.slimlab.staging;

import dev.slimlab.staging.YamlTree.Mapping;
import dev.slimlab.staging.YamlTree.Node;
import dev.slimlab.staging.YamlTree.Scalar;
import dev.slimlab.staging.YamlTree.ScalarKind;
import dev.slimlab.staging.YamlTree.Sequence;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates container-structure-test suite files ({@code schemaVersion: 2.0.0}).
 *
 * <p>Like container-structure-test itself the loader is strict: a field it does not know is an
 * error (with a "did you mean" hint), as are values of the wrong type, missing names and paths,
 * regular expressions that do not compile, and container-structure-test sections SlimLab does
 * not run. All problems are collected and reported together in one {@link SuiteException}, each
 * naming its field path, e.g. {@code commandTests[2].exitCode: expected a whole number, got "zero"}.
 */
public final class SuiteLoader {

    private static final Set<String> SUITE_FIELDS = Set.of("schemaVersion", "globalEnvVars", "commandTests",
            "fileExistenceTests", "fileContentTests", "metadataTest", "httpProbes");
    /** Sections container-structure-test knows that SlimLab does not (yet) run. */
    private static final Map<String, String> UNSUPPORTED_SUITE_FIELDS = Map.of(
            "licenseTests", "remove the section; SlimLab does not check licenses",
            "containerRunOptions", "remove the section; SlimLab runs every container unprivileged, with no"
                    + " mounts and with its own limits");
    private static final Set<String> COMMAND_TEST_FIELDS = Set.of("name", "command", "args", "envVars", "setup",
            "teardown", "expectedOutput", "excludedOutput", "expectedError", "excludedError", "exitCode");
    private static final Set<String> FILE_EXISTENCE_FIELDS = Set.of(
            "name", "path", "shouldExist", "permissions", "uid", "gid", "isExecutableBy");
    private static final Set<String> FILE_CONTENT_FIELDS = Set.of("name", "path", "expectedContents", "excludedContents");
    private static final Set<String> METADATA_FIELDS = Set.of("envVars", "labels", "exposedPorts", "unexposedPorts",
            "volumes", "entrypoint", "cmd", "workdir", "user");
    private static final Set<String> HTTP_PROBE_FIELDS = Set.of("name", "port", "envVars", "timeoutSeconds",
            "requests");
    private static final Set<String> HTTP_REQUEST_FIELDS = Set.of("path", "expectedStatus", "expectedBody");
    private static final Set<String> KEY_VALUE_FIELDS = Set.of("key", "value", "isRegex");

    /** Go's os.FileMode.String(): type letters (or "-") followed by rwxrwxrwx with "-" for unset bits. */
    private static final Pattern PERMISSIONS =
            Pattern.compile("(?:-|[dalTLDpSugct?]+)[r-][w-][x-][r-][w-][x-][r-][w-][x-]");

    private SuiteLoader() {
    }

    /** Reads and validates the suite in {@code file}. */
    public static StructureTestSuite load(Path file) throws SuiteException {
        String source = file.toString();
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw single(source, "the file does not exist");
        } catch (CharacterCodingException e) {
            throw single(source, "not a text file in UTF-8, so not a container-structure-test suite");
        } catch (IOException e) {
            throw single(source, "cannot be read: " + e.getMessage());
        }
        return parse(text, source);
    }

    /** Reads and validates the suite in {@code yaml}; {@code sourceName} names it in messages. */
    public static StructureTestSuite parse(String yaml, String sourceName) throws SuiteException {
        List<SuiteProblem> problems = new ArrayList<>();
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        Node root;
        try {
            root = YamlTree.read(text, problems);
        } catch (YamlTree.NotYamlException e) {
            throw new SuiteException(sourceName, List.of(new SuiteProblem("",
                    "not valid YAML, so not a container-structure-test suite: " + e.getMessage(), e.line())));
        }
        if (root == null || isNull(root)) {
            throw new SuiteException(sourceName, List.of(new SuiteProblem("",
                    "the file is empty; a container-structure-test suite starts with schemaVersion: 2.0.0", 0)));
        }
        if (!(root instanceof Mapping mapping)) {
            throw new SuiteException(sourceName, List.of(new SuiteProblem("",
                    "not a container-structure-test suite: expected a mapping with schemaVersion, commandTests,"
                            + " fileExistenceTests, ... at the top level, got " + root.describe(), root.line())));
        }
        StructureTestSuite suite = new Reader(problems).suite(mapping);
        if (!problems.isEmpty()) {
            List<SuiteProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(SuiteProblem::line));
            throw new SuiteException(sourceName, sorted);
        }
        return suite;
    }

    private static SuiteException single(String source, String message) {
        return new SuiteException(source, List.of(new SuiteProblem("", message, 0)));
    }

    private static boolean isNull(Node node) {
        return node instanceof Scalar scalar && scalar.kind() == ScalarKind.NULL;
    }

    /** Walks the tree, building the model and collecting problems; never stops at the first. */
    private static final class Reader {
        private final List<SuiteProblem> problems;

        Reader(List<SuiteProblem> problems) {
            this.problems = problems;
        }

        StructureTestSuite suite(Mapping root) {
            Fields fields = new Fields(root, "", SUITE_FIELDS, "a container-structure-test suite");
            String schemaVersion = schemaVersion(root);
            List<EnvVar> global = fields.objects("globalEnvVars", "environment variables", (m, p) -> envVar(m, p));
            List<CommandTest> commandTests = fields.objects("commandTests", "command tests", this::commandTest)
                    .stream().map(test -> withGlobalEnv(test, global)).toList();
            List<FileExistenceTest> fileExistenceTests =
                    fields.objects("fileExistenceTests", "file existence tests", this::fileExistenceTest);
            List<FileContentTest> fileContentTests =
                    fields.objects("fileContentTests", "file content tests", this::fileContentTest);
            Optional<MetadataTest> metadataTest = fields.node("metadataTest")
                    .flatMap(node -> fields.mapping(node, "metadataTest", "the metadata test"))
                    .map(this::metadataTest);
            List<HttpProbe> httpProbes = fields.objects("httpProbes", "HTTP probes", this::httpProbe);
            return new StructureTestSuite(schemaVersion, commandTests, fileExistenceTests, fileContentTests,
                    metadataTest, httpProbes);
        }

        private String schemaVersion(Mapping root) {
            Node node = root.entries().get("schemaVersion");
            if (node == null || isNull(node)) {
                problem("schemaVersion", "missing; a container-structure-test suite starts with schemaVersion: 2.0.0",
                        node == null ? 1 : node.line());
                return StructureTestSuite.SCHEMA_VERSION;
            }
            if (!(node instanceof Scalar scalar) || !StructureTestSuite.SCHEMA_VERSION.equals(scalar.text().strip())) {
                problem("schemaVersion", "must be 2.0.0 (the only version container-structure-test reads), got "
                        + node.describe(), node.line());
            }
            return StructureTestSuite.SCHEMA_VERSION;
        }

        /** globalEnvVars apply to every command test, before the test's own (which win on the same key). */
        private static CommandTest withGlobalEnv(CommandTest test, List<EnvVar> global) {
            if (global.isEmpty()) {
                return test;
            }
            List<EnvVar> env = new ArrayList<>(global);
            env.removeIf(g -> test.envVars().stream().anyMatch(own -> own.key().equals(g.key())));
            env.addAll(test.envVars());
            return new CommandTest(test.name(), test.command(), test.args(), env, test.setup(), test.teardown(),
                    test.expectedOutput(), test.excludedOutput(), test.expectedError(), test.excludedError(),
                    test.exitCode());
        }

        private CommandTest commandTest(Mapping mapping, String path) {
            Fields f = new Fields(mapping, path, COMMAND_TEST_FIELDS, "a command test in container-structure-test");
            return new CommandTest(
                    f.requiredText("name"),
                    f.requiredText("command"),
                    f.texts("args"),
                    f.objects("envVars", "environment variables", (m, p) -> envVar(m, p)),
                    f.commands("setup"),
                    f.commands("teardown"),
                    f.regexes("expectedOutput"),
                    f.regexes("excludedOutput"),
                    f.regexes("expectedError"),
                    f.regexes("excludedError"),
                    f.wholeNumber("exitCode").orElse(CommandTest.DEFAULT_EXIT_CODE));
        }

        private FileExistenceTest fileExistenceTest(Mapping mapping, String path) {
            Fields f = new Fields(mapping, path, FILE_EXISTENCE_FIELDS, "a file existence test in container-structure-test");
            String name = f.requiredText("name");
            String filePath = f.requiredText("path");
            boolean shouldExist = f.bool("shouldExist").orElse(true);
            Optional<String> permissions = f.text("permissions");
            permissions.ifPresent(value -> {
                if (!PERMISSIONS.matcher(value).matches()) {
                    f.problem("permissions", "expected a permission string in Go's notation such as -rw-r--r--"
                            + " or drwxr-xr-x (setuid is a leading u, e.g. urwxr-xr-x), got \"" + value + '"');
                }
            });
            Optional<Integer> uid = f.wholeNumber("uid");
            Optional<Integer> gid = f.wholeNumber("gid");
            Optional<String> executableBy = f.text("isExecutableBy");
            executableBy.ifPresent(value -> {
                if (!FileExistenceTest.EXECUTABLE_BY.contains(value)) {
                    f.problem("isExecutableBy", "must be one of owner, group, any, other; got \"" + value + '"');
                }
            });
            return new FileExistenceTest(name, filePath, shouldExist, permissions, uid, gid, executableBy);
        }

        private FileContentTest fileContentTest(Mapping mapping, String path) {
            Fields f = new Fields(mapping, path, FILE_CONTENT_FIELDS, "a file content test in container-structure-test");
            return new FileContentTest(f.requiredText("name"), f.requiredText("path"),
                    f.regexes("expectedContents"), f.regexes("excludedContents"));
        }

        private MetadataTest metadataTest(Mapping mapping) {
            Fields f = new Fields(mapping, "metadataTest", METADATA_FIELDS, "the metadata test in container-structure-test");
            List<EnvVar> envVars = f.objects("envVars", "environment variables", (m, p) -> {
                EnvVar envVar = envVar(m, p);
                if (envVar.isRegex()) {
                    checkRegex(envVar.value(), p + ".value", m.entries().get("value"));
                }
                return envVar;
            });
            List<Label> labels = f.objects("labels", "labels", (m, p) -> {
                Fields lf = new Fields(m, p, KEY_VALUE_FIELDS, "a label in container-structure-test");
                Label label = new Label(lf.requiredText("key"), lf.text("value").orElse(""),
                        lf.bool("isRegex").orElse(false));
                if (label.isRegex()) {
                    checkRegex(label.value(), p + ".value", m.entries().get("value"));
                }
                return label;
            });
            return new MetadataTest(envVars, labels, f.texts("exposedPorts"), f.texts("unexposedPorts"),
                    f.texts("volumes"), f.optionalTexts("entrypoint"), f.optionalTexts("cmd"),
                    f.text("workdir"), f.text("user"));
        }

        private HttpProbe httpProbe(Mapping mapping, String path) {
            Fields f = new Fields(mapping, path, HTTP_PROBE_FIELDS, "an HTTP probe (a SlimLab addition to the format)");
            String name = f.requiredText("name");
            int port = f.wholeNumber("port").orElse(0);
            if (f.node("port").isEmpty()) {
                f.problem("port", "missing: the container port the service listens on, e.g. 8000");
            } else if (port < 1 || port > 65535) {
                f.problem("port", "must be a TCP port from 1 to 65535, got " + port);
            }
            int timeout = f.wholeNumber("timeoutSeconds").orElse(HttpProbe.DEFAULT_TIMEOUT_SECONDS);
            if (timeout < 1) {
                f.problem("timeoutSeconds", "must be at least 1, got " + timeout);
            }
            List<HttpProbe.Request> requests = f.objects("requests", "requests", (m, p) -> {
                Fields rf = new Fields(m, p, HTTP_REQUEST_FIELDS, "an HTTP probe request (a SlimLab addition to the format)");
                String requestPath = rf.requiredText("path");
                if (!requestPath.isEmpty() && !requestPath.startsWith("/")) {
                    rf.problem("path", "must start with /, got \"" + requestPath + '"');
                }
                int status = rf.wholeNumber("expectedStatus").orElse(HttpProbe.Request.DEFAULT_STATUS);
                if (status < 100 || status > 599) {
                    rf.problem("expectedStatus", "must be an HTTP status from 100 to 599, got " + status);
                }
                Optional<String> body = rf.text("expectedBody");
                body.ifPresent(regex -> checkRegex(regex, p + ".expectedBody", m.entries().get("expectedBody")));
                return new HttpProbe.Request(requestPath, status, body);
            });
            if (requests.isEmpty() && f.node("requests").isEmpty()) {
                f.problem("requests", "missing: list at least one request, e.g. - path: /health");
            }
            return new HttpProbe(name, port, f.objects("envVars", "environment variables", this::envVar), timeout,
                    requests);
        }

        private EnvVar envVar(Mapping mapping, String path) {
            Fields f = new Fields(mapping, path, KEY_VALUE_FIELDS, "an environment variable in container-structure-test");
            return new EnvVar(f.requiredText("key"), f.text("value").orElse(""), f.bool("isRegex").orElse(false));
        }

        private void checkRegex(String regex, String path, Node node) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                String where = e.getIndex() >= 0 ? " near index " + e.getIndex() : "";
                problem(path, "not a valid regular expression: " + e.getDescription() + where + " in \""
                        + regex + '"', node == null ? 0 : node.line());
            }
        }

        private void problem(String path, String message, int line) {
            problems.add(new SuiteProblem(path, message, line));
        }

        /** The fields of one mapping at one path: typed getters that report problems and fall back. */
        private final class Fields {
            private final Mapping mapping;
            private final String path;

            Fields(Mapping mapping, String path, Set<String> known, String what) {
                this.mapping = mapping;
                this.path = path;
                mapping.entries().keySet().stream().filter(key -> !known.contains(key)).forEach(key -> {
                    String hint = path.isEmpty() && UNSUPPORTED_SUITE_FIELDS.containsKey(key)
                            ? "a container-structure-test section SlimLab does not run; "
                                    + UNSUPPORTED_SUITE_FIELDS.get(key)
                            : "not a field of " + what + "; " + suggestion(key, known);
                    Reader.this.problem(at(key), hint, mapping.keyLines().getOrDefault(key, mapping.line()));
                });
            }

            String at(String key) {
                return path.isEmpty() ? key : path + "." + key;
            }

            void problem(String key, String message) {
                Node node = mapping.entries().get(key);
                Reader.this.problem(at(key), message, node == null ? mapping.line() : node.line());
            }

            /** The value of {@code key}, absent when missing or null. */
            Optional<Node> node(String key) {
                Node node = mapping.entries().get(key);
                return node == null || isNull(node) ? Optional.empty() : Optional.of(node);
            }

            String requiredText(String key) {
                Optional<String> text = text(key);
                if (text.isEmpty() && node(key).isEmpty()) {
                    problem(key, "missing");
                } else if (text.isPresent() && text.get().isBlank()) {
                    problem(key, "must not be empty");
                }
                return text.orElse("");
            }

            Optional<String> text(String key) {
                return node(key).flatMap(node -> scalarText(node, at(key)));
            }

            private Optional<String> scalarText(Node node, String nodePath) {
                if (node instanceof Scalar scalar) {
                    return Optional.of(scalar.text());
                }
                Reader.this.problem(nodePath, "expected a text, got " + node.describe(), node.line());
                return Optional.empty();
            }

            Optional<Integer> wholeNumber(String key) {
                return node(key).flatMap(node -> {
                    if (node instanceof Scalar scalar) {
                        BigInteger value = null;
                        if (scalar.kind() == ScalarKind.WHOLE_NUMBER) {
                            value = (BigInteger) scalar.value();
                        } else if (scalar.kind() == ScalarKind.TEXT && scalar.text().strip().matches("[-+]?\\d+")) {
                            value = new BigInteger(scalar.text().strip());
                        }
                        if (value != null) {
                            if (value.bitLength() < 32) {
                                return Optional.of(value.intValueExact());
                            }
                            problem(key, "the number " + scalar.text() + " is too large");
                            return Optional.empty();
                        }
                    }
                    problem(key, "expected a whole number, got " + node.describe());
                    return Optional.empty();
                });
            }

            Optional<Boolean> bool(String key) {
                return node(key).flatMap(node -> {
                    if (node instanceof Scalar scalar) {
                        if (scalar.kind() == ScalarKind.BOOLEAN) {
                            return Optional.of((Boolean) scalar.value());
                        }
                        String text = scalar.text().strip().toLowerCase(Locale.ROOT);
                        if (scalar.kind() == ScalarKind.TEXT && (text.equals("true") || text.equals("false"))) {
                            return Optional.of(Boolean.parseBoolean(text));
                        }
                    }
                    problem(key, "expected true or false, got " + node.describe());
                    return Optional.empty();
                });
            }

            List<String> texts(String key) {
                return optionalTexts(key).orElse(List.of());
            }

            /** A list of texts; absent when the field is missing or null, empty for {@code []}. */
            Optional<List<String>> optionalTexts(String key) {
                return node(key).map(node -> textList(node, at(key)));
            }

            private List<String> textList(Node node, String nodePath) {
                if (!(node instanceof Sequence sequence)) {
                    Reader.this.problem(nodePath, "expected a list, got " + node.describe()
                            + (node instanceof Scalar ? "; write a single entry as [ ... ] or as \"- ...\"" : ""),
                            node.line());
                    return List.of();
                }
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < sequence.items().size(); i++) {
                    Node item = sequence.items().get(i);
                    String itemPath = nodePath + "[" + i + "]";
                    if (isNull(item)) {
                        Reader.this.problem(itemPath, "empty entry", item.line());
                    } else {
                        scalarText(item, itemPath).ifPresent(texts::add);
                    }
                }
                return texts;
            }

            List<String> regexes(String key) {
                List<String> regexes = texts(key);
                node(key).ifPresent(node -> {
                    if (node instanceof Sequence sequence) {
                        for (int i = 0; i < sequence.items().size(); i++) {
                            Node item = sequence.items().get(i);
                            if (item instanceof Scalar scalar && scalar.kind() != ScalarKind.NULL) {
                                checkRegex(scalar.text(), at(key) + "[" + i + "]", item);
                            }
                        }
                    }
                });
                return regexes;
            }

            /** setup / teardown: a list of commands, each a non-empty list of words. */
            List<List<String>> commands(String key) {
                Optional<Node> found = node(key);
                if (found.isEmpty()) {
                    return List.of();
                }
                if (!(found.get() instanceof Sequence sequence)) {
                    problem(key, "expected a list of commands, each a list of words such as [\"apt-get\", \"update\"],"
                            + " got " + found.get().describe());
                    return List.of();
                }
                List<List<String>> commands = new ArrayList<>();
                for (int i = 0; i < sequence.items().size(); i++) {
                    Node item = sequence.items().get(i);
                    String itemPath = at(key) + "[" + i + "]";
                    if (!(item instanceof Sequence)) {
                        Reader.this.problem(itemPath, "expected a command as a list of words such as"
                                + " [\"apt-get\", \"update\"], got " + item.describe(), item.line());
                        continue;
                    }
                    List<String> words = textList(item, itemPath);
                    if (words.isEmpty() && ((Sequence) item).items().isEmpty()) {
                        Reader.this.problem(itemPath, "an empty command; remove it", item.line());
                    }
                    commands.add(words);
                }
                return commands;
            }

            <T> List<T> objects(String key, String what, BiFunction<Mapping, String, T> reader) {
                Optional<Node> found = node(key);
                if (found.isEmpty()) {
                    return List.of();
                }
                if (!(found.get() instanceof Sequence sequence)) {
                    problem(key, "expected a list of " + what + ", got " + found.get().describe()
                            + (found.get() instanceof Mapping ? "; start each entry with \"- \"" : ""));
                    return List.of();
                }
                List<T> objects = new ArrayList<>();
                for (int i = 0; i < sequence.items().size(); i++) {
                    Node item = sequence.items().get(i);
                    String itemPath = at(key) + "[" + i + "]";
                    mapping(item, itemPath, "an entry of " + what).ifPresent(m -> objects.add(reader.apply(m, itemPath)));
                }
                return objects;
            }

            Optional<Mapping> mapping(Node node, String nodePath, String what) {
                if (node instanceof Mapping m) {
                    return Optional.of(m);
                }
                Reader.this.problem(nodePath, "expected " + what + " (a mapping of fields), got " + node.describe(),
                        node.line());
                return Optional.empty();
            }
        }
    }

    /** "did you mean X?" for a near miss, otherwise the list of fields allowed here. */
    static String suggestion(String key, Set<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        Optional<String> best = known.stream()
                .min(Comparator.comparingInt((String k) -> distance(lower, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
        if (best.isPresent() && distance(lower, best.get().toLowerCase(Locale.ROOT)) <= Math.max(2, key.length() / 4)) {
            return "did you mean " + best.get() + "?";
        }
        return "the fields here are " + String.join(", ", known.stream().sorted().toList());
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
