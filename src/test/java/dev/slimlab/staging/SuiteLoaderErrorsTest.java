package dev.slimlab.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderErrorsTest {

    @TempDir
    Path dir;

    private static SuiteException failure(String yaml) {
        SuiteException e = catchThrowableOfType(SuiteException.class, () -> SuiteLoader.parse(yaml, "bad.yaml"));
        assertThat(e).as("expected the suite to be rejected").isNotNull();
        return e;
    }

    private static List<String> problems(String yaml) {
        return failure(yaml).problems().stream().map(SuiteProblem::toString).toList();
    }

    @Test
    void namesTheFieldPathOfAMistypedExitCode() {
        assertThat(problems("""
                schemaVersion: 2.0.0
                commandTests:
                  - {name: a, command: "true"}
                  - {name: b, command: "true"}
                  - name: c
                    command: "true"
                    exitCode: zero
                """)).containsExactly("commandTests[2].exitCode: expected a whole number, got \"zero\"");
    }

    @Test
    void reportsMissingRequiredFields() {
        assertThat(problems("""
                schemaVersion: 2.0.0
                commandTests:
                  - args: [x]
                fileExistenceTests:
                  - name: no path
                fileContentTests:
                  - path: /etc/hosts
                metadataTest:
                  envVars:
                    - value: x
                """)).containsExactly(
                "commandTests[0].name: missing",
                "commandTests[0].command: missing",
                "fileExistenceTests[0].path: missing",
                "fileContentTests[0].name: missing",
                "metadataTest.envVars[0].key: missing");
    }

    @Test
    void requiresSchemaVersion200() {
        assertThat(problems("commandTests: []\n")).singleElement().asString()
                .startsWith("schemaVersion: missing");
        assertThat(problems("schemaVersion: 1.0.0\n")).containsExactly(
                "schemaVersion: must be 2.0.0 (the only version container-structure-test reads), got \"1.0.0\"");
        assertThat(problems("schemaVersion: 2.0\n")).singleElement().asString()
                .startsWith("schemaVersion: must be 2.0.0");
    }

    @Test
    void reportsRegularExpressionsThatDoNotCompileWithTheirIndex() {
        List<String> problems = problems("""
                schemaVersion: 2.0.0
                commandTests:
                  - name: a
                    command: "true"
                  - name: b
                    command: "true"
                    expectedOutput: ["(unclosed", "fine"]
                    excludedError: ["ok", "*star"]
                fileContentTests:
                  - name: c
                    path: /etc/hosts
                    excludedContents: ["[a-"]
                metadataTest:
                  labels:
                    - {key: k, value: "(", isRegex: true}
                    - {key: plain, value: "(", isRegex: false}
                """);
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("commandTests[1].expectedOutput[0]: not a valid regular expression: ");
        assertThat(problems.get(1)).startsWith("commandTests[1].excludedError[1]: not a valid regular expression: ");
        assertThat(problems.get(2)).startsWith("fileContentTests[0].excludedContents[0]: not a valid regular expression");
        assertThat(problems.get(3)).startsWith("metadataTest.labels[0].value: not a valid regular expression");
    }

    @Test
    void rejectsUnknownFieldsWithAHint() {
        List<String> problems = problems("""
                schemaVersion: 2.0.0
                commandTests:
                  - name: a
                    command: "true"
                    expectedOuptut: ["x"]
                    timeout: 10
                metadataTest:
                  unknownField: 1
                  Workdir: /app
                """);
        assertThat(problems).containsExactly(
                "commandTests[0].expectedOuptut: not a field of a command test in container-structure-test;"
                        + " did you mean expectedOutput?",
                "commandTests[0].timeout: not a field of a command test in container-structure-test; the fields here"
                        + " are args, command, envVars, excludedError, excludedOutput, exitCode, expectedError,"
                        + " expectedOutput, name, setup, teardown",
                "metadataTest.unknownField: not a field of the metadata test in container-structure-test; the fields"
                        + " here are cmd, entrypoint, envVars, exposedPorts, labels, unexposedPorts, user, volumes,"
                        + " workdir",
                "metadataTest.Workdir: not a field of the metadata test in container-structure-test;"
                        + " did you mean workdir?");
    }

    @Test
    void rejectsContainerStructureTestSectionsSlimLabDoesNotRun() {
        assertThat(problems("""
                schemaVersion: 2.0.0
                licenseTests:
                  - debian: true
                containerRunOptions:
                  privileged: true
                """)).extracting(p -> p.substring(0, p.indexOf(';'))).containsExactly(
                "licenseTests: a container-structure-test section SlimLab does not run",
                "containerRunOptions: a container-structure-test section SlimLab does not run");
    }

    @Test
    void checksValuesOfFileExistenceTests() {
        assertThat(problems("""
                schemaVersion: 2.0.0
                fileExistenceTests:
                  - name: a
                    path: /a
                    shouldExist: maybe
                    permissions: "644"
                    uid: root
                    gid: 1.5
                    isExecutableBy: everyone
                """)).containsExactly(
                "fileExistenceTests[0].shouldExist: expected true or false, got \"maybe\"",
                "fileExistenceTests[0].permissions: expected a permission string in Go's notation such as -rw-r--r--"
                        + " or drwxr-xr-x (setuid is a leading u, e.g. urwxr-xr-x), got \"644\"",
                "fileExistenceTests[0].uid: expected a whole number, got \"root\"",
                "fileExistenceTests[0].gid: expected a whole number, got 1.5",
                "fileExistenceTests[0].isExecutableBy: must be one of owner, group, any, other; got \"everyone\"");
    }

    @Test
    void checksTheShapeOfListsAndCommands() {
        assertThat(problems("""
                schemaVersion: 2.0.0
                commandTests:
                  name: not a list
                fileContentTests:
                  - just a text
                fileExistenceTests:
                  - name: x
                    path: [/a, /b]
                metadataTest:
                  cmd: /bin/sh
                  entrypoint: [[nested]]
                """)).containsExactly(
                "commandTests: expected a list of command tests, got a mapping; start each entry with \"- \"",
                "fileContentTests[0]: expected an entry of file content tests (a mapping of fields), got \"just a text\"",
                "fileExistenceTests[0].path: expected a text, got a list",
                "metadataTest.cmd: expected a list, got \"/bin/sh\"; write a single entry as [ ... ] or as \"- ...\"",
                "metadataTest.entrypoint[0]: expected a text, got a list");
        assertThat(problems("""
                schemaVersion: 2.0.0
                commandTests:
                  - name: a
                    command: "true"
                    setup: ["apt-get update"]
                    teardown: [[]]
                """)).containsExactly(
                "commandTests[0].setup[0]: expected a command as a list of words such as [\"apt-get\", \"update\"],"
                        + " got \"apt-get update\"",
                "commandTests[0].teardown[0]: an empty command; remove it");
    }

    @Test
    void reportsAllProblemsTogetherInFileOrderWithLines() {
        SuiteException e = failure("""
                schemaVersion: 2.0.0
                commandTests:
                  - name: a
                    exitCode: one
                fileExistenceTests:
                  - name: b
                    path: /b
                    uid: -x
                fileContentTests:
                  - name: c
                    path: /c
                    expectedContents: ["("]
                """);
        assertThat(e.problems()).extracting(SuiteProblem::path).containsExactly(
                "commandTests[0].command", "commandTests[0].exitCode", "fileExistenceTests[0].uid",
                "fileContentTests[0].expectedContents[0]");
        assertThat(e.problems()).extracting(SuiteProblem::line).containsExactly(3, 4, 8, 12);
        assertThat(e.source()).isEqualTo("bad.yaml");
        assertThat(e.getMessage()).startsWith("bad.yaml: 4 problems in the container-structure-test suite")
                .contains("line 4: commandTests[0].exitCode: expected a whole number, got \"one\"");
    }

    @Test
    void reportsDuplicateKeysAndUnknownAliases() {
        assertThat(problems("""
                schemaVersion: 2.0.0
                commandTests:
                  - name: a
                    command: "true"
                    name: b
                    envVars: *nowhere
                """)).containsExactly(
                "commandTests[0].name: appears twice in the same mapping (first on line 3)",
                "commandTests[0].envVars: refers to the unknown anchor *nowhere");
    }

    @Test
    void emptyAndNonYamlFilesGiveOneClearProblem() throws Exception {
        assertThat(problems("")).containsExactly(
                "the file is empty; a container-structure-test suite starts with schemaVersion: 2.0.0");
        assertThat(problems("# only a comment\n")).hasSize(1);
        assertThat(problems("commandTests: [unclosed\n")).singleElement().asString()
                .startsWith("not valid YAML, so not a container-structure-test suite: ");
        assertThat(problems("FROM debian:bookworm\nRUN apt-get update\n")).singleElement().asString()
                .startsWith("not a container-structure-test suite: expected a mapping");
        assertThat(problems("- a\n- b\n")).singleElement().asString().endsWith("got a list");

        Path binary = dir.resolve("image.tar");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        SuiteException e = catchThrowableOfType(SuiteException.class, () -> SuiteLoader.load(binary));
        assertThat(e.problems()).singleElement().asString().startsWith("not a text file in UTF-8");
        SuiteException missing = catchThrowableOfType(SuiteException.class,
                () -> SuiteLoader.load(dir.resolve("nope.yaml")));
        assertThat(missing.getMessage()).endsWith("nope.yaml: the file does not exist");
    }

    @Test
    void checksHttpProbesFieldByField() {
        assertThat(problems("""
                schemaVersion: 2.0.0
                httpProbes:
                  - name: web
                    port: 70000
                    timeoutSeconds: 0
                    requests:
                      - path: health
                        expectedStatus: 99
                        expectedBody: "(unclosed"
                  - name: no port
                    requets: []
                """)).containsExactly(
                "httpProbes[0].port: must be a TCP port from 1 to 65535, got 70000",
                "httpProbes[0].timeoutSeconds: must be at least 1, got 0",
                "httpProbes[0].requests[0].path: must start with /, got \"health\"",
                "httpProbes[0].requests[0].expectedStatus: must be an HTTP status from 100 to 599, got 99",
                "httpProbes[0].requests[0].expectedBody: not a valid regular expression: Unclosed group near index 9 in \"(unclosed\"",
                "httpProbes[1].port: missing: the container port the service listens on, e.g. 8000",
                "httpProbes[1].requests: missing: list at least one request, e.g. - path: /health",
                "httpProbes[1].requets: not a field of an HTTP probe (a SlimLab addition to the format); did you mean"
                        + " requests?");
    }

    @Test
    void readsAnHttpProbeWithItsDefaults() throws Exception {
        StructureTestSuite suite = SuiteLoader.parse("""
                schemaVersion: 2.0.0
                httpProbes:
                  - name: web
                    port: 8000
                    envVars: [{key: WORKERS, value: "1"}]
                    requests:
                      - path: /health
                      - {path: /missing, expectedStatus: 404, expectedBody: "not found"}
                """, "probes.yaml");
        assertThat(suite.httpProbes()).containsExactly(new HttpProbe("web", 8000, List.of(new EnvVar("WORKERS", "1")),
                HttpProbe.DEFAULT_TIMEOUT_SECONDS, List.of(
                        new HttpProbe.Request("/health", 200, java.util.Optional.empty()),
                        new HttpProbe.Request("/missing", 404, java.util.Optional.of("not found")))));
        assertThat(suite.testCount()).isEqualTo(2);
    }
}
