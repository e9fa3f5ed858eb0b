package dev.slimlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimlab.engine.NeedsDaemon;
import dev.slimlab.engine.DockerDaemon;
import dev.slimlab.engine.DockerEngine;
import dev.slimlab.staging.StagingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code slimlab test} and {@code slimlab parity} against the real daemon. */
@NeedsDaemon
class TestAndParityCommandTest {

    static final String ORIGINAL = "slimlab-test/cli-staging:original";
    static final String VARIANT = "slimlab-test/cli-staging:variant";

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path dir;

    @BeforeAll
    static void images() throws Exception {
        try (DockerEngine engine = new DockerEngine()) {
            DockerDaemon.ensureBusybox(engine);
        }
        docker("sh", "-c", "printf 'FROM " + DockerDaemon.BUSYBOX + "\\nENV LOG_TO_STDOUT=1\\n"
                + "RUN echo v1 > /version\\n' | docker build -q -t " + ORIGINAL + " -");
        docker("sh", "-c", "printf 'FROM " + DockerDaemon.BUSYBOX + "\\nENV LOG_TO_STD0UT=1\\n"
                + "RUN echo v2 > /version && rm /bin/killall\\n' | docker build -q -t " + VARIANT + " -");
    }

    @AfterAll
    static void removeImages() throws Exception {
        docker("docker", "rmi", "-f", ORIGINAL, VARIANT);
    }

    @AfterEach
    void noStagingContainerSurvives() throws Exception {
        try (DockerEngine engine = new DockerEngine()) {
            assertThat(engine.containersLabelled(StagingSettings.LABEL, null)).isEmpty();
        }
    }

    private static void docker(String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    private Path suite(String yaml) throws Exception {
        return Files.writeString(dir.resolve("suite.yaml"), yaml);
    }

    @Test
    void testPassesExitsZeroAndWritesJUnit() throws Exception {
        Path suite = suite("""
                schemaVersion: 2.0.0
                commandTests:
                  - name: version
                    command: cat
                    args: [/version]
                    expectedOutput: ["v1"]
                fileExistenceTests:
                  - {name: killall, path: /bin/killall}
                """);
        Path junit = dir.resolve("reports/junit.xml");
        int code = SlimLabCommand.run("test", ORIGINAL, "--config", suite.toString(), "--junit", junit.toString());
        assertThat(code).as(streams.stderr()).isZero();
        assertThat(streams.stdout()).contains("PASS  command       version", "2 tests: 2 passed, 0 failed, 0 could not run");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(xml.getElementsByTagName("testsuite").item(0).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo(ORIGINAL);
    }

    @Test
    void aFailingTestExitsOneAndSaysWhy() throws Exception {
        Path suite = suite("""
                schemaVersion: 2.0.0
                commandTests:
                  - {name: version, command: cat, args: [/version], expectedOutput: ["v1"]}
                fileExistenceTests:
                  - {name: killall, path: /bin/killall}
                """);
        assertThat(SlimLabCommand.run("test", VARIANT, "--config", suite.toString())).isEqualTo(1);
        assertThat(streams.stdout()).contains("FAIL  command       version", "expected output to match /v1/, it does not",
                "FAIL  fileExistence killall", "/bin/killall does not exist", "2 tests: 0 passed, 2 failed");
    }

    @Test
    void anInvalidSuiteExitsTwoNamingTheField() throws Exception {
        Path suite = suite("schemaVersion: 2.0.0\ncommandTests:\n  - name: x\n    comand: ls\n");
        assertThat(SlimLabCommand.run("test", ORIGINAL, "--config", suite.toString())).isEqualTo(2);
        assertThat(streams.stderr()).contains("commandTests[0].comand", "did you mean command?")
                .doesNotContain("Exception");
    }

    @Test
    void anUnknownImageIsSaidSo() throws Exception {
        Path suite = suite("schemaVersion: 2.0.0\ncommandTests:\n  - {name: x, command: ls}\n");
        assertThat(SlimLabCommand.run("test", "slimlab-test/none:1", "--config", suite.toString())).isEqualTo(1);
        assertThat(streams.stderr()).contains("slimlab-test/none:1").doesNotContain("Exception");
    }

    @Test
    void parityPrintsGroupedTextAndExitsOneWithFailOn() throws Exception {
        int code = SlimLabCommand.run("parity", ORIGINAL, VARIANT, "--version-probe", "cat /version",
                "--fail-on", "high");
        assertThat(code).as(streams.stderr()).isEqualTo(1);
        assertThat(streams.stdout()).contains("HIGH env (1)", "LOG_TO_STDOUT: ENV LOG_TO_STDOUT is set in the original",
                "MEDIUM executable (1)", "killall", "MEDIUM version (1)", "LOW env (1)", "LOG_TO_STD0UT");
    }

    @Test
    void parityJsonHasTheDocumentedShape() throws Exception {
        assertThat(SlimLabCommand.run("parity", ORIGINAL, VARIANT, "--format", "json", "--version-probe",
                "cat /version")).as(streams.stderr()).isZero();
        JsonNode findings = new ObjectMapper().readTree(streams.stdout()).get("findings");
        assertThat(findings).hasSize(4);
        JsonNode first = findings.get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("kind", "severity", "subject", "original", "variant", "message");
        assertThat(first.get("kind").asText()).isEqualTo("env");
        assertThat(first.get("severity").asText()).isEqualTo("high");
        assertThat(first.get("subject").asText()).isEqualTo("LOG_TO_STDOUT");
        assertThat(first.get("original").asText()).isEqualTo("1");
        assertThat(first.get("variant").asText()).isEmpty();
    }

    @Test
    void anImageMatchesItself() throws Exception {
        assertThat(SlimLabCommand.run("parity", ORIGINAL, ORIGINAL)).isZero();
        assertThat(streams.stdout()).isEqualTo("no differences found: the variant matches the original in every check\n");
    }
}
