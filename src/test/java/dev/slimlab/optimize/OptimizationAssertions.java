package dev.slimlab.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import java.util.List;

/** Shared helpers for optimization tests: parse, apply, and the invariants every rewrite keeps. */
final class OptimizationAssertions {

    private OptimizationAssertions() {
    }

    static Project project(String dockerfile) {
        try {
            return Project.of(Dockerfile.parse(dockerfile));
        } catch (DockerfileSyntaxException e) {
            throw new AssertionError("test Dockerfile does not parse: " + e.getMessage(), e);
        }
    }

    /** Applies the optimization, checks it is idempotent and parses back, returns the new text. */
    static String applied(Optimization optimization, Project project) {
        Applied once = optimization.apply(project);
        Applied twice = optimization.apply(once.project());
        assertThat(twice.changed()).as("applying " + optimization.id() + " twice changes nothing more").isFalse();
        assertThat(twice.project()).isEqualTo(once.project());
        String text = once.project().dockerfile().print();
        try {
            assertThat(Dockerfile.parse(text).print()).isEqualTo(text);
        } catch (DockerfileSyntaxException e) {
            throw new AssertionError("the result does not parse: " + e.getMessage(), e);
        }
        assertThat(once.changed()).as("notes say whether it changed").isEqualTo(!once.project().equals(project));
        return text;
    }

    static String applied(Optimization optimization, String dockerfile) {
        return applied(optimization, project(dockerfile));
    }

    static List<Finding> applicable(Optimization optimization, String dockerfile) {
        return optimization.findings(project(dockerfile)).stream().filter(Finding::applies).toList();
    }

    /** The reasons it gives for not applying (it must give at least one when nothing applies). */
    static List<String> reasonsNotApplicable(Optimization optimization, String dockerfile) {
        List<Finding> findings = optimization.findings(project(dockerfile));
        assertThat(findings).as("findings say why, even when nothing applies").isNotEmpty();
        return findings.stream().filter(f -> !f.applies()).map(Finding::message).toList();
    }
}
