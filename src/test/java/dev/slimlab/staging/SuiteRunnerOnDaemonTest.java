package dev.slimlab.staging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.NeedsDaemon;
import dev.slimlab.engine.DockerDaemon;
import dev.slimlab.engine.DockerEngine;
import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.experiment.TestOutcome.Status;
import dev.slimlab.experiment.TestOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suites in container-structure-test's format, run on real containers: every kind passing and failing. */
@NeedsDaemon
class SuiteRunnerOnDaemonTest {

    static final String RUN = "suite-runner-test";
    static final Map<String, String> FIXTURE_LABELS = Map.of("dev.slimlab.experiment", RUN);

    static DockerEngine engine;
    static String app;
    static StagingSettings settings = StagingSettings.defaults(RUN).withTestTimeout(Duration.ofSeconds(20));

    @BeforeAll
    static void buildFixture(@TempDir Path context) throws Exception {
        engine = new DockerEngine();
        DockerDaemon.ensureBusybox(engine);
        String dockerfile = "FROM " + DockerDaemon.BUSYBOX + "\n"
                + "RUN mkdir -p /app /www && echo 'version=1.2.3' > /app/config.txt && chmod 0644 /app/config.txt"
                + " && printf '#!/bin/sh\\necho \"hello $NAME\"\\n' > /app/hello && chown 65534:65534 /app/hello"
                + " && chmod 0755 /app/hello && echo ok > /www/health && ln -s config.txt /app/current\n"
                + "ENV NAME=world APP_VERSION=1.2.3\n"
                + "LABEL com.example.vendor=\"ACME Incorporated\" build-date=2026-11-28\n"
                + "EXPOSE 8080\n"
                + "VOLUME /data\n"
                + "WORKDIR /app\n"
                + "CMD [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]\n";
        BuildOutcome outcome = engine.build(BuildRequest.of(context, dockerfile.getBytes(StandardCharsets.UTF_8),
                "slimlab/" + RUN + ":app", FIXTURE_LABELS), BuildListener.NONE, Cancellation.none());
        assertThat(outcome.status()).as(String.join("\n", outcome.logTail())).isEqualTo(BuildOutcome.Status.BUILT);
        app = outcome.imageId().orElseThrow();
    }

    @AfterEach
    void nothingSurvives() throws Exception {
        assertThat(engine.containersLabelled(StagingSettings.LABEL, RUN)).as("containers left").isEmpty();
        assertThat(engine.imagesLabelled(StagingSettings.LABEL, RUN)).as("committed images left").isEmpty();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (engine != null) {
            engine.removeLabelled("dev.slimlab.experiment", RUN);
            engine.close();
        }
    }

    private static Map<String, TestOutcome> run(String yaml, String image) throws Exception {
        StructureTestSuite suite = SuiteLoader.parse(yaml, "suite.yaml");
        List<TestOutcome> outcomes = new SuiteRunner(engine, settings).run(suite, image, Cancellation.none());
        assertThat(outcomes).hasSize(suite.testCount());
        return outcomes.stream().collect(Collectors.toMap(TestOutcome::name, Function.identity(), (first, later) -> later));
    }

    @Test
    void commandTests() throws Exception {
        Map<String, TestOutcome> r = run("""
                schemaVersion: 2.0.0
                globalEnvVars:
                  - key: NAME
                    value: global
                commandTests:
                  - name: env from the test, output matched anywhere
                    command: /app/hello
                    envVars: [{key: NAME, value: slimlab}]
                    expectedOutput: ["lo slim"]
                    excludedOutput: ["world"]
                  - name: global env, image env expanded
                    command: sh
                    args: ["-c", "echo $NAME $GREETING"]
                    envVars: [{key: GREETING, value: "v$APP_VERSION"}]
                    expectedOutput: ["^global v1\\\\.2\\\\.3\\n"]
                  - name: PATH extended from the image's
                    command: hello
                    envVars: [{key: PATH, value: "$PATH:/app"}]
                    expectedOutput: ["hello"]
                  - name: stderr and exit code
                    command: sh
                    args: ["-c", "echo oops >&2; exit 2"]
                    exitCode: 2
                    expectedError: ["oops"]
                    excludedError: ["fatal"]
                  - name: wrong exit code
                    command: "false"
                  - name: excluded output present
                    command: echo
                    args: ["secret=1"]
                    excludedOutput: ["secret=\\\\d"]
                  - name: expected error absent
                    command: "true"
                    expectedError: ["warning"]
                  - name: setup committed, teardown after
                    setup: [["sh", "-c", "echo made > /tmp/made"], ["sh", "-c", "echo again >> /tmp/made"]]
                    command: cat
                    args: ["/tmp/made"]
                    expectedOutput: ["made\\nagain"]
                    teardown: [["rm", "/tmp/made"]]
                  - name: failing setup
                    setup: [["sh", "-c", "echo no disk >&2; exit 5"]]
                    command: "true"
                  - name: no such program
                    command: definitely-not-installed
                """, app);
        assertThat(r.get("env from the test, output matched anywhere").status()).isEqualTo(Status.PASSED);
        assertThat(r.get("env from the test, output matched anywhere").output()).isEqualTo("hello slimlab\n");
        assertThat(r.get("global env, image env expanded").status()).as(r.get("global env, image env expanded").message())
                .isEqualTo(Status.PASSED);
        assertThat(r.get("PATH extended from the image's").status()).isEqualTo(Status.PASSED);
        assertThat(r.get("stderr and exit code").status()).isEqualTo(Status.PASSED);
        assertThat(r.get("wrong exit code").status()).isEqualTo(Status.FAILED);
        assertThat(r.get("wrong exit code").message()).isEqualTo("exit code 1, expected 0");
        assertThat(r.get("excluded output present").message()).isEqualTo("excluded output /secret=\\d/ found: \"secret=1\"");
        assertThat(r.get("expected error absent").message()).isEqualTo("expected error to match /warning/, it does not");
        assertThat(r.get("setup committed, teardown after").status()).as(r.get("setup committed, teardown after").message())
                .isEqualTo(Status.PASSED);
        assertThat(r.get("failing setup").status()).isEqualTo(Status.ERROR);
        assertThat(r.get("failing setup").message()).isEqualTo("setup command `sh -c echo no disk >&2; exit 5` exited with 5: no disk");
        assertThat(r.get("no such program").status()).isEqualTo(Status.ERROR);
        assertThat(r.get("no such program").message()).contains("definitely-not-installed");
    }

    @Test
    void aCommandThatHangsFailsAtTheTimeOut() throws Exception {
        settings = settings.withTestTimeout(Duration.ofSeconds(2));
        try {
            Map<String, TestOutcome> r = run("""
                    schemaVersion: 2.0.0
                    commandTests:
                      - name: hangs
                        command: sleep
                        args: ["60"]
                    """, app);
            assertThat(r.get("hangs").status()).isEqualTo(Status.FAILED);
            assertThat(r.get("hangs").message()).isEqualTo("did not finish within 2 s");
        } finally {
            settings = settings.withTestTimeout(Duration.ofSeconds(20));
        }
    }

    @Test
    void fileTests() throws Exception {
        Map<String, TestOutcome> r = run("""
                schemaVersion: 2.0.0
                fileExistenceTests:
                  - name: hello is there
                    path: /app/hello
                    permissions: -rwxr-xr-x
                    uid: 65534
                    gid: 65534
                    isExecutableBy: other
                  - name: link is a link
                    path: /app/current
                    permissions: Lrwxrwxrwx
                  - name: workdir
                    path: /app
                    permissions: drwxr-xr-x
                  - name: not executable
                    path: /app/config.txt
                    permissions: -rw-------
                    uid: 1000
                    isExecutableBy: any
                  - name: missing
                    path: /app/missing
                  - name: absent as it should be
                    path: /app/missing
                    shouldExist: false
                  - name: present but should not be
                    path: /app/config.txt
                    shouldExist: false
                fileContentTests:
                  - name: through the link
                    path: /app/current
                    expectedContents: ["version=1\\\\.2\\\\.\\\\d"]
                    excludedContents: ["beta"]
                  - name: wrong contents
                    path: /app/config.txt
                    expectedContents: ["version=2"]
                    excludedContents: ["1\\\\.2"]
                  - name: no file
                    path: /app/none.txt
                    expectedContents: ["x"]
                  - name: a directory
                    path: /app
                    expectedContents: ["x"]
                """, app);
        assertThat(r.get("hello is there").status()).as(r.get("hello is there").message()).isEqualTo(Status.PASSED);
        assertThat(r.get("link is a link").status()).as(r.get("link is a link").message()).isEqualTo(Status.PASSED);
        assertThat(r.get("workdir").status()).as(r.get("workdir").message()).isEqualTo(Status.PASSED);
        assertThat(r.get("not executable").message().lines().toList()).containsExactly(
                "permissions are -rw-r--r--, expected -rw-------", "owner uid is 0, expected 1000",
                "not executable by any (-rw-r--r--)");
        assertThat(r.get("missing").message()).isEqualTo("/app/missing does not exist");
        assertThat(r.get("absent as it should be").status()).isEqualTo(Status.PASSED);
        assertThat(r.get("present but should not be").message()).isEqualTo("/app/config.txt exists, and should not");
        assertThat(r.get("through the link").status()).as(r.get("through the link").message()).isEqualTo(Status.PASSED);
        assertThat(r.get("wrong contents").message().lines().toList()).containsExactly(
                "expected contents to match /version=2/, they do not", "excluded contents /1\\.2/ found: \"1.2\"");
        assertThat(r.get("no file").message()).isEqualTo("/app/none.txt does not exist");
        assertThat(r.get("a directory").message()).isEqualTo("/app is not a regular file (drwxr-xr-x)");
    }

    @Test
    void metadataTestPassing() throws Exception {
        TestOutcome metadata = run("""
                schemaVersion: 2.0.0
                metadataTest:
                  envVars:
                    - {key: NAME, value: world}
                    - {key: APP_VERSION, value: '^1\\.\\d+\\.\\d+$', isRegex: true}
                  labels:
                    - {key: com.example.vendor, value: ACME Incorporated}
                    - {key: build-date, value: '^\\d{4}-\\d{2}-\\d{2}$', isRegex: true}
                  exposedPorts: ["8080"]
                  unexposedPorts: ["22"]
                  volumes: ["/data"]
                  entrypoint: []
                  cmd: ["httpd", "-f", "-p", "8080", "-h", "/www"]
                  workdir: /app
                  user: ""
                """, app).get("Metadata Test");
        assertThat(metadata.status()).as(metadata.message()).isEqualTo(Status.PASSED);
    }

    @Test
    void metadataTestFailing() throws Exception {
        TestOutcome metadata = run("""
                schemaVersion: 2.0.0
                metadataTest:
                  envVars:
                    - {key: PYTHONUNBUFFERED, value: "1"}
                    - {key: NAME, value: '^mars$', isRegex: true}
                  labels: [{key: build-date, value: "2020-01-01"}]
                  exposedPorts: ["8000/tcp"]
                  unexposedPorts: ["8080"]
                  volumes: ["/cache"]
                  entrypoint: ["/entrypoint.sh"]
                  cmd: ["app"]
                  workdir: /srv
                  user: app
                """, app).get("Metadata Test");
        assertThat(metadata.status()).isEqualTo(Status.FAILED);
        assertThat(metadata.message().lines().toList()).containsExactly(
                "ENV PYTHONUNBUFFERED is not set",
                "ENV NAME is \"world\", expected a match of /^mars$/",
                "label build-date is \"2026-11-28\", expected \"2020-01-01\"",
                "port 8000/tcp is not exposed (exposed: [8080/tcp])",
                "port 8080 is exposed, and should not be",
                "volume /cache is not declared (volumes: [/data])",
                "entrypoint is [], expected [/entrypoint.sh]",
                "cmd is [httpd, -f, -p, 8080, -h, /www], expected [app]",
                "workdir is \"/app\", expected \"/srv\"",
                "user is \"\", expected \"app\"");
    }

    @Test
    void httpProbesAgainstARealServer() throws Exception {
        Map<String, TestOutcome> r = run("""
                schemaVersion: 2.0.0
                httpProbes:
                  - name: web
                    port: 8080
                    timeoutSeconds: 20
                    requests:
                      - path: /health
                        expectedBody: "^ok$"
                      - path: /missing
                        expectedStatus: 404
                      - path: /health
                        expectedStatus: 500
                        expectedBody: "healthy"
                  - name: wrong port
                    port: 9999
                    timeoutSeconds: 2
                    requests: [{path: /health}]
                """, app);
        assertThat(r.get("web GET /health").status()).isEqualTo(Status.FAILED); // the third request, same name
        assertThat(r.get("web GET /health").message().lines().toList()).containsExactly("status 200, expected 500",
                "expected the body to match /healthy/, it does not");
        assertThat(r.get("web GET /missing").status()).isEqualTo(Status.PASSED);
        assertThat(r.get("wrong port GET /health").status()).isEqualTo(Status.FAILED);
        assertThat(r.get("wrong port GET /health").message()).isEqualTo("port 9999 did not answer HTTP within 2 s");

        List<TestOutcome> health = new SuiteRunner(engine, settings).run(SuiteLoader.parse("""
                schemaVersion: 2.0.0
                httpProbes:
                  - name: web
                    port: 8080
                    requests: [{path: /health, expectedBody: "^ok$"}]
                """, "probe.yaml"), app, Cancellation.none());
        assertThat(health).singleElement().satisfies(t -> {
            assertThat(t.status()).as(t.message()).isEqualTo(Status.PASSED);
            assertThat(t.output()).isEqualTo("ok\n");
        });
    }

    @Test
    void theExampleSuiteOfContainerStructureTestsDocumentationRunsUnchanged() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/staging/cst-docs-example.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Map<String, TestOutcome> r = run(yaml, "debian:bookworm-slim");
        // virtualenv is not in the image (and there is no network): the setup cannot run
        assertThat(r.get("gunicorn flask").status()).isEqualTo(Status.ERROR);
        assertThat(r.get("gunicorn flask").message()).contains("virtualenv");
        // no security upgrade is listed (no package lists in the image): passes
        assertThat(r.get("apt-get upgrade").status()).as(r.get("apt-get upgrade").message()).isEqualTo(Status.PASSED);
        assertThat(r.get("Root").message().lines().toList()).containsExactly(
                "permissions are drwxr-xr-x, expected -rw-r--r--", "owner uid is 0, expected 1000",
                "group gid is 0, expected 1000");
        assertThat(r.get("Debian Sources").message()).isEqualTo("/etc/apt/sources.list does not exist");
        assertThat(r.get("Metadata Test").status()).isEqualTo(Status.FAILED);
        assertThat(r.get("Metadata Test").message()).contains("ENV foo is not set", "user is \"\", expected \"luke\"");
    }
}
