package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileSyntaxException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerIgnoreTest {

    final DockerIgnore optimization = new DockerIgnore();

    static Project project(String dockerfile, List<String> context, boolean hasDockerignore) {
        try {
            return Project.of(Dockerfile.parse(dockerfile), new ContextFiles(context, hasDockerignore));
        } catch (DockerfileSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Applies, checks what every rewrite keeps (idempotent, the Dockerfile untouched, one note) and
     * returns the proposed file. ({@link OptimizationAssertions#applied} compares only the
     * Dockerfile's text, which this optimization never changes.)
     */
    String proposed(Project project) {
        Applied once = optimization.apply(project);
        assertThat(once.changed()).isTrue();
        assertThat(once.notes()).hasSize(1);
        assertThat(once.project().dockerfile().print()).isEqualTo(project.dockerfile().print());
        Applied twice = optimization.apply(once.project());
        assertThat(twice.changed()).as("applying twice changes nothing more").isFalse();
        assertThat(twice.project()).isEqualTo(once.project());
        assertThat(once.project().proposedFiles()).containsOnlyKeys(".dockerignore");
        return once.project().proposedFiles().get(".dockerignore");
    }

    @Test
    void proposesAFileForAPythonServiceThatCopiesEverything() {
        String dockerfile = """
                FROM python:3.10
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                COPY . .
                CMD ["gunicorn", "app:app"]
                """;
        Project project = project(dockerfile, List.of("app.py", "requirements.txt", "tests", ".git", ".venv"), false);
        assertThat(optimization.findings(project)).singleElement().satisfies(f -> {
            assertThat(f.applies()).isTrue();
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message()).contains("no .dockerignore").contains("Python");
        });
        assertThat(proposed(project)).isEqualTo("""
                # .dockerignore proposed by SlimLab (optimization: dockerignore).
                # The Dockerfile copies the whole build context (line 5: COPY . .).
                # Without this file every file of the folder is sent to the builder and copied by it.
                # Check before you keep it: the build must not need anything listed here (a build output
                # committed to the repository, a .env or key file read at build time). Remove such lines.

                # Version control, editors and Docker's own files
                .git
                **/.DS_Store
                Dockerfile*
                .dockerignore

                # Secrets: they must never end up in an image layer
                .env
                **/*.pem
                **/*.key

                # Python
                **/__pycache__
                **/*.py[cod]
                .venv
                venv
                .pytest_cache
                .mypy_cache
                **/*.egg-info
                """);
        assertThat(optimization.apply(project).notes()).singleElement().asString()
                .isEqualTo("dockerignore (line 5): .dockerignore proposed (14 patterns: basics, secrets, Python)");
    }

    @Test
    void keepsWhatTheDockerfileCopiesOutOfTheProposal() {
        String dockerfile = """
                FROM maven:3.9-eclipse-temurin-17 AS build
                WORKDIR /src
                ADD ./ ./
                RUN mvn -q package
                FROM eclipse-temurin:17-jre
                COPY --from=build /src/target/app.jar /app.jar
                COPY certs/ca.pem /etc/ssl/certs/ca.pem
                COPY ["bin/start.sh", "/start.sh"]
                """;
        Project project = project(dockerfile, List.of("pom.xml", "src", "certs", "bin"), false);
        String proposal = proposed(project);
        assertThat(proposal).contains("# Java\ntarget\nbuild\n.gradle\n**/*.class\n")
                .contains("# **/*.pem is not excluded: the Dockerfile copies certs/ca.pem\n")
                .doesNotContain("# Python").doesNotContain("# Node").doesNotContain("# Go");
    }

    @Test
    void detectsNodeAndGoFromTheDockerfileWhenTheContextIsUnknown() {
        String dockerfile = """
                FROM golang:1.22 AS api
                WORKDIR /src
                COPY . .
                RUN go build -o /out/api ./cmd/api
                FROM node:20 AS web
                WORKDIR /web
                COPY web/ .
                RUN npm ci && npm run build
                """;
        Project project = Project.of(OptimizationAssertions.project(dockerfile).dockerfile());
        String proposal = proposed(project);
        assertThat(proposal).contains("\n# Node\n**/node_modules\nnpm-debug.log*\ncoverage\n")
                .endsWith("\n# Go\nbin\n").doesNotContain("# Python");
    }

    @Test
    void anExistingDockerignoreIsRespected() {
        String dockerfile = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n";
        Project project = project(dockerfile, List.of("package.json", "server.js", ".dockerignore"), true);
        assertThat(optimization.apply(project).changed()).isFalse();
        assertThat(optimization.apply(project).project().proposedFiles()).isEqualTo(Map.of());
        assertThat(optimization.findings(project)).singleElement().satisfies(f -> {
            assertThat(f.applies()).isFalse();
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("has a .dockerignore already");
        });
    }

    @Test
    void partialCopiesAndCopiesFromStagesDoNotNeedOne() {
        String dockerfile = """
                FROM python:3.12-slim AS build
                COPY requirements.txt /tmp/
                RUN pip wheel -w /wheels -r /tmp/requirements.txt
                FROM python:3.12-slim
                COPY --from=build /wheels /wheels
                COPY src/ /app/
                """;
        assertThat(applied(optimization, dockerfile)).isEqualTo(dockerfile);
        assertThat(applicable(optimization, dockerfile)).isEmpty();
        assertThat(reasonsNotApplicable(optimization, dockerfile)).singleElement().asString()
                .contains("nothing copies the whole build context");
    }
}
