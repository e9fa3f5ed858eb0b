package dev.slimlab.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {

    @TempDir
    Path dir;

    private static final String EVERY_FIELD = """
            schemaVersion: 2.0.0
            commandTests:
              - name: python runs unbuffered
                command: python3
                args: ["-c", "import os; print(os.environ['PYTHONUNBUFFERED'])"]
                envVars:
                  - key: LANG
                    value: C.UTF-8
                setup: [["mkdir", "-p", "/tmp/work"], ["touch", "/tmp/work/a"]]
                teardown:
                  - ["rm", "-rf", "/tmp/work"]
                expectedOutput: ["^1$"]
                excludedOutput: ["Traceback"]
                expectedError: []
                excludedError: ["(?i)warning"]
                exitCode: 0
              - name: missing tool fails
                command: sh
                args: [-c, "exit 3"]
                exitCode: 3
            fileExistenceTests:
              - name: app jar
                path: /app/app.jar
                shouldExist: true
                permissions: -rw-r--r--
                uid: 1000
                gid: 1000
                isExecutableBy: owner
              - name: no apt lists
                path: /var/lib/apt/lists/lock
                shouldExist: false
            fileContentTests:
              - name: os release
                path: /etc/os-release
                expectedContents: ['ID=debian', 'VERSION_ID="1[2-3]"']
                excludedContents: ["ubuntu"]
            metadataTest:
              envVars:
                - key: PYTHONUNBUFFERED
                  value: "1"
                - key: PATH
                  value: .*/usr/local/bin.*
                  isRegex: true
              labels:
                - key: org.opencontainers.image.source
                  value: https://example.org/app
                - key: build-date
                  value: '^\\d{4}-\\d{2}-\\d{2}$'
                  isRegex: true
              exposedPorts: ["8080/tcp", 9090]
              unexposedPorts: ["22"]
              volumes: [/data]
              entrypoint: ["/usr/bin/tini", "--"]
              cmd: ["python3", "/app/main.py"]
              workdir: /app
              user: "1000:1000"
            """;

    @Test
    void readsEveryFieldOfARealisticSuite() throws Exception {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, EVERY_FIELD, StandardCharsets.UTF_8);

        StructureTestSuite suite = SuiteLoader.load(file);

        assertThat(suite.schemaVersion()).isEqualTo("2.0.0");
        assertThat(suite.testCount()).isEqualTo(6);
        assertThat(suite.commandTests()).hasSize(2);
        assertThat(suite.commandTests().get(0)).isEqualTo(new CommandTest(
                "python runs unbuffered",
                "python3",
                List.of("-c", "import os; print(os.environ['PYTHONUNBUFFERED'])"),
                List.of(new EnvVar("LANG", "C.UTF-8")),
                List.of(List.of("mkdir", "-p", "/tmp/work"), List.of("touch", "/tmp/work/a")),
                List.of(List.of("rm", "-rf", "/tmp/work")),
                List.of("^1$"),
                List.of("Traceback"),
                List.of(),
                List.of("(?i)warning"),
                0));
        assertThat(suite.commandTests().get(1).args()).containsExactly("-c", "exit 3");
        assertThat(suite.commandTests().get(1).exitCode()).isEqualTo(3);

        assertThat(suite.fileExistenceTests()).containsExactly(
                new FileExistenceTest("app jar", "/app/app.jar", true, Optional.of("-rw-r--r--"),
                        Optional.of(1000), Optional.of(1000), Optional.of("owner")),
                new FileExistenceTest("no apt lists", "/var/lib/apt/lists/lock", false, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(suite.fileContentTests()).containsExactly(new FileContentTest("os release", "/etc/os-release",
                List.of("ID=debian", "VERSION_ID=\"1[2-3]\""), List.of("ubuntu")));

        MetadataTest metadata = suite.metadataTest().orElseThrow();
        assertThat(metadata.envVars()).containsExactly(
                new EnvVar("PYTHONUNBUFFERED", "1", false),
                new EnvVar("PATH", ".*/usr/local/bin.*", true));
        assertThat(metadata.labels()).containsExactly(
                new Label("org.opencontainers.image.source", "https://example.org/app", false),
                new Label("build-date", "^\\d{4}-\\d{2}-\\d{2}$", true));
        assertThat(metadata.exposedPorts()).containsExactly("8080/tcp", "9090");
        assertThat(metadata.unexposedPorts()).containsExactly("22");
        assertThat(metadata.volumes()).containsExactly("/data");
        assertThat(metadata.entrypoint()).contains(List.of("/usr/bin/tini", "--"));
        assertThat(metadata.cmd()).contains(List.of("python3", "/app/main.py"));
        assertThat(metadata.workdir()).contains("/app");
        assertThat(metadata.user()).contains("1000:1000");
    }

    /** The examples of container-structure-test's README, put together in one file. */
    private static final String CST_README_EXAMPLES = """
            schemaVersion: 2.0.0

            commandTests:
              - name: "gunicorn flask"
                setup: [["virtualenv", "/env"], ["pip", "install", "gunicorn", "flask"]]
                command: "which"
                args: ["gunicorn", "flask"]
                expectedOutput: ["/env/bin/gunicorn", "/env/bin/flask"]
              - name:  "apt-get upgrade"
                command: "apt-get"
                args: ["-qqs", "upgrade"]
                excludedOutput: [".*Inst.*Security.* | .*Security.*Inst.*"]
                excludedError: [".*Inst.*Security.* | .*Security.*Inst.*"]
              - name: "say hello world"
                command: "bash"
                args:
                  - -c
                  - |
                    echo hello &&
                    echo world

            fileExistenceTests:
            - name: 'Root'
              path: '/'
              shouldExist: true
              permissions: '-rw-r--r--'
              uid: 1000
              gid: 1000
              isExecutableBy: 'group'

            fileContentTests:
            - name: 'Debian Sources'
              path: '/etc/apt/sources.list'
              expectedContents: ['.*httpredir.debian.org.*']
              excludedContents: ['.*gce_debian_mirror.*']

            metadataTest:
              envVars:
                - key: foo
                  value: baz
              labels:
                - key: 'com.example.vendor'
                  value: 'ACME Incorporated'
                - key: 'build-date'
                  value: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}$'
                  isRegex: true
              exposedPorts: ["8080", "2345"]
              volumes: ["/test"]
              entrypoint: []
              cmd: ["/bin/bash"]
              workdir: "/app"
              user: "luke"
            """;

    @Test
    void readsTheExamplesOfContainerStructureTestsOwnReadme() throws Exception {
        StructureTestSuite suite = SuiteLoader.parse(CST_README_EXAMPLES, "readme.yaml");

        assertThat(suite.commandTests()).extracting(CommandTest::name)
                .containsExactly("gunicorn flask", "apt-get upgrade", "say hello world");
        CommandTest gunicorn = suite.commandTests().get(0);
        assertThat(gunicorn.setup()).containsExactly(List.of("virtualenv", "/env"),
                List.of("pip", "install", "gunicorn", "flask"));
        assertThat(gunicorn.expectedOutput()).containsExactly("/env/bin/gunicorn", "/env/bin/flask");
        assertThat(suite.commandTests().get(1).excludedError()).containsExactly(".*Inst.*Security.* | .*Security.*Inst.*");
        assertThat(suite.commandTests().get(2).args()).containsExactly("-c", "echo hello &&\necho world\n");

        FileExistenceTest root = suite.fileExistenceTests().get(0);
        assertThat(root.permissions()).contains("-rw-r--r--");
        assertThat(root.isExecutableBy()).contains("group");

        assertThat(suite.fileContentTests().get(0).expectedContents()).containsExactly(".*httpredir.debian.org.*");

        MetadataTest metadata = suite.metadataTest().orElseThrow();
        assertThat(metadata.labels().get(1).value()).isEqualTo("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}$");
        assertThat(metadata.entrypoint()).as("entrypoint: [] means 'must be empty'").contains(List.of());
        assertThat(metadata.cmd()).contains(List.of("/bin/bash"));
        assertThat(metadata.user()).contains("luke");
    }

    @Test
    void appliesContainerStructureTestsDefaults() throws Exception {
        StructureTestSuite suite = SuiteLoader.parse("""
                schemaVersion: "2.0.0"
                commandTests:
                  - name: true runs
                    command: "true"
                fileExistenceTests:
                  - name: shell
                    path: /bin/sh
                metadataTest:
                  workdir: /
                """, "defaults.yaml");

        CommandTest command = suite.commandTests().get(0);
        assertThat(command.exitCode()).isZero();
        assertThat(command.args()).isEmpty();
        assertThat(command.envVars()).isEmpty();
        assertThat(command.setup()).isEmpty();
        assertThat(command.expectedOutput()).isEmpty();
        FileExistenceTest file = suite.fileExistenceTests().get(0);
        assertThat(file.shouldExist()).isTrue();
        assertThat(file.permissions()).isEmpty();
        assertThat(file.uid()).isEmpty();
        assertThat(file.isExecutableBy()).isEmpty();
        assertThat(suite.fileContentTests()).isEmpty();
        MetadataTest metadata = suite.metadataTest().orElseThrow();
        assertThat(metadata.entrypoint()).as("absent entrypoint is not checked").isEmpty();
        assertThat(metadata.cmd()).isEmpty();
        assertThat(metadata.user()).isEmpty();
    }

    @Test
    void anEmptySuiteHasNoTests() throws Exception {
        StructureTestSuite suite = SuiteLoader.parse("schemaVersion: 2.0.0\n", "empty-suite.yaml");
        assertThat(suite.testCount()).isZero();
        assertThat(suite.metadataTest()).isEmpty();
    }

    @Test
    void anchorsAliasesMergeKeysAndMultiLineStringsWork() throws Exception {
        StructureTestSuite suite = SuiteLoader.parse("""
                schemaVersion: 2.0.0
                commandTests:
                  - &python
                    name: python version
                    command: python3
                    args: [--version]
                    envVars: &env
                      - key: LC_ALL
                        value: C.UTF-8
                    expectedOutput: ["Python 3\\\\.11"]
                  - <<: *python
                    name: python path
                    args: [-c, "import sys; print(sys.prefix)"]
                    expectedOutput: [/usr]
                  - name: folded script
                    command: sh
                    envVars: *env
                    args:
                      - -c
                      - >-
                        echo one
                        two
                    expectedOutput:
                      - |
                        ^one two
                """, "anchors.yaml");

        List<CommandTest> tests = suite.commandTests();
        assertThat(tests.get(0).expectedOutput()).containsExactly("Python 3\\.11");
        CommandTest merged = tests.get(1);
        assertThat(merged.name()).isEqualTo("python path");
        assertThat(merged.command()).as("merged from the anchor").isEqualTo("python3");
        assertThat(merged.envVars()).containsExactly(new EnvVar("LC_ALL", "C.UTF-8"));
        assertThat(merged.args()).as("own keys win over merged ones").containsExactly("-c", "import sys; print(sys.prefix)");
        assertThat(merged.expectedOutput()).containsExactly("/usr");
        CommandTest folded = tests.get(2);
        assertThat(folded.envVars()).containsExactly(new EnvVar("LC_ALL", "C.UTF-8"));
        assertThat(folded.args()).containsExactly("-c", "echo one two");
        assertThat(folded.expectedOutput()).containsExactly("^one two\n");
    }

    @Test
    void keepsScalarsAsWrittenInTextFields() throws Exception {
        StructureTestSuite suite = SuiteLoader.parse("""
                schemaVersion: 2.0.0
                metadataTest:
                  envVars:
                    - key: VERSION
                      value: 1.10
                    - key: MODE
                      value: 0755
                    - key: FLAG
                      value: yes
                  exposedPorts: [8080]
                """, "scalars.yaml");

        assertThat(suite.metadataTest().orElseThrow().envVars()).extracting(EnvVar::value)
                .containsExactly("1.10", "0755", "yes");
        assertThat(suite.metadataTest().orElseThrow().exposedPorts()).containsExactly("8080");
    }

    @Test
    void theModelIsImmutable() throws Exception {
        StructureTestSuite suite = SuiteLoader.parse(EVERY_FIELD, "suite.yaml");
        assertThat(catchThrowableOfType(UnsupportedOperationException.class,
                () -> suite.commandTests().get(0).setup().get(0).add("x"))).isNotNull();
        assertThat(catchThrowableOfType(UnsupportedOperationException.class,
                () -> suite.metadataTest().orElseThrow().entrypoint().orElseThrow().clear())).isNotNull();
    }

    @Test
    void globalEnvVarsApplyToEveryCommandTestAndTheTestsOwnWin() throws Exception {
        StructureTestSuite suite = SuiteLoader.parse("""
                schemaVersion: 2.0.0
                globalEnvVars:
                  - key: APP_ENV
                    value: staging
                  - key: LOG_LEVEL
                    value: info
                commandTests:
                  - name: uses both
                    command: env
                  - name: overrides one
                    command: env
                    envVars:
                      - key: LOG_LEVEL
                        value: debug
                """, "global.yaml");
        assertThat(suite.commandTests().get(0).envVars()).extracting(EnvVar::key, EnvVar::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("APP_ENV", "staging"), org.assertj.core.groups.Tuple.tuple("LOG_LEVEL", "info"));
        assertThat(suite.commandTests().get(1).envVars()).extracting(EnvVar::key, EnvVar::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("APP_ENV", "staging"), org.assertj.core.groups.Tuple.tuple("LOG_LEVEL", "debug"));
    }
}
