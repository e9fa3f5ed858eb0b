package dev.slimlab.staging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.engine.NeedsDaemon;
import dev.slimlab.engine.DockerEngine;
import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.ParityFinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity checks between two real images made for the purpose: the variant renames a variable,
 * changes another, runs as another user, drops a port and a label, lacks two programs (one named
 * by the entrypoint script) and zlib, and has another version of the app.
 */
@NeedsDaemon
class ParityCheckerOnDaemonTest {

    static final String RUN = "parity-test";
    static final Map<String, String> LABELS = Map.of("dev.slimlab.experiment", RUN);
    static final String START_SCRIPT = "RUN printf '#!/bin/sh\\ntac /etc/hostname\\nexec sleep 1\\n' > /start.sh"
            + " && chmod 755 /start.sh\n";

    static DockerEngine engine;
    static String original;
    static String variant;

    @BeforeAll
    static void build(@TempDir Path context) throws Exception {
        engine = new DockerEngine();
        original = build(context, "original", "FROM debian:bookworm-slim\n" + START_SCRIPT
                + "RUN echo 1.0 > /etc/app-version\n"
                + "ENV LEGACY_FLAG=1 MODE=prod\nEXPOSE 8080\nLABEL vendor=acme\nENTRYPOINT [\"/start.sh\"]\n");
        variant = build(context, "variant", "FROM debian:bookworm-slim\n" + START_SCRIPT
                + "RUN echo 2.0 > /etc/app-version && rm /usr/bin/tac /usr/bin/tsort"
                + " && find / -xdev -name 'libz.so.1*' -delete\n"
                + "ENV MODERN_FLAG=1 MODE=dev\nUSER nobody\nENTRYPOINT [\"/start.sh\"]\n");
    }

    private static String build(Path context, String tag, String dockerfile) throws Exception {
        BuildOutcome outcome = engine.build(BuildRequest.of(context, dockerfile.getBytes(StandardCharsets.UTF_8),
                "slimlab/" + RUN + ":" + tag, LABELS), BuildListener.NONE, Cancellation.none());
        assertThat(outcome.status()).as(String.join("\n", outcome.logTail())).isEqualTo(BuildOutcome.Status.BUILT);
        return outcome.imageId().orElseThrow();
    }

    @AfterEach
    void noContainerSurvives() throws Exception {
        assertThat(engine.containersLabelled(StagingSettings.LABEL, RUN)).isEmpty();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (engine != null) {
            engine.removeLabelled("dev.slimlab.experiment", RUN);
            engine.close();
        }
    }

    private static ParityChecker checker() {
        return new ParityChecker(engine, StagingSettings.defaults(RUN), List.of("cat /etc/app-version"));
    }

    @Test
    void findsEveryDifferenceWithItsSeverity() throws Exception {
        List<ParityFinding> findings = checker().compare(original, variant, Cancellation.none());
        assertThat(findings).extracting(ParityFinding::kind, ParityFinding::severity, ParityFinding::subject)
                .containsExactlyInAnyOrder(
                        tuple("env", Severity.HIGH, "LEGACY_FLAG"),
                        tuple("env", Severity.MEDIUM, "MODE"),
                        tuple("env", Severity.LOW, "MODERN_FLAG"),
                        tuple("user", Severity.HIGH, "USER"),
                        tuple("port", Severity.MEDIUM, "8080/tcp"),
                        tuple("label", Severity.LOW, "vendor"),
                        tuple("executable", Severity.HIGH, "tac"),
                        tuple("executable", Severity.MEDIUM, "tsort"),
                        tuple("library", Severity.HIGH, "libz.so.1"),
                        tuple("version", Severity.MEDIUM, "cat /etc/app-version"));
        assertThat(findings).extracting(ParityFinding::severity).isSorted();
        ParityFinding zlib = findings.stream().filter(f -> f.kind().equals("library")).findFirst().orElseThrow();
        assertThat(zlib.original()).endsWith("/libz.so.1");
        assertThat(zlib.variant()).isEqualTo("not found");
        assertThat(zlib.message()).contains("/usr/bin/apt-cache").contains("and 7 more need it");
        ParityFinding version = findings.stream().filter(f -> f.kind().equals("version")).findFirst().orElseThrow();
        assertThat(version.original()).isEqualTo("1.0");
        assertThat(version.variant()).isEqualTo("2.0");
        ParityFinding env = findings.get(0);
        assertThat(env.message()).contains("LEGACY_FLAG");
    }

    @Test
    void anImageHasNoFindingsAgainstItself() throws Exception {
        assertThat(checker().compare(original, original, Cancellation.none())).isEmpty();
    }

    @Test
    void packagesDroppedAreListed() throws Exception {
        List<InstalledPackage> before = List.of(new InstalledPackage("dpkg", "psmisc", "23.6-1", 800_000),
                new InstalledPackage("dpkg", "zlib1g", "1:1.2.13", 200_000));
        List<InstalledPackage> after = List.of(new InstalledPackage("dpkg", "zlib1g", "1:1.2.13", 200_000));
        assertThat(checker().compare(original, before, original, after, Cancellation.none()))
                .containsExactly(new ParityFinding("package", Severity.LOW, "psmisc", "dpkg 23.6-1", "",
                        "the dpkg package psmisc is installed in the original and not in the variant"));
    }

    @Test
    void aVariantWithoutAShellIsSaidToBeUncompared() throws Exception {
        Path empty = java.nio.file.Files.createTempDirectory("slimlab-empty-");
        java.nio.file.Files.writeString(empty.resolve("hello.txt"), "hi");
        String noShell = build(empty, "noshell", "FROM scratch\nCOPY hello.txt /\nENV LEGACY_FLAG=1 MODE=prod\n"
                + "EXPOSE 8080\nLABEL vendor=acme\nENTRYPOINT [\"/start.sh\"]\n");
        List<ParityFinding> findings = checker().compare(original, List.of(), noShell, List.of(), Cancellation.none());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("check");
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).startsWith("the variant could not be inspected (");
        });
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
