package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.project;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdkToJreTest {

    final JdkToJre optimization = new JdkToJre();

    @Test
    void anAptJdkThatOnlyRunsAJarBecomesTheHeadlessJre() {
        String before = """
                FROM debian:bookworm-slim
                RUN apt-get update && \\
                    apt-get install -y --no-install-recommends openjdk-17-jdk-headless ca-certificates && \\
                    rm -rf /var/lib/apt/lists/*
                COPY target/app.jar /app/app.jar
                CMD ["java", "-jar", "/app/app.jar"]
                """;
        assertThat(applied(optimization, before)).isEqualTo(before.replace("openjdk-17-jdk-headless", "openjdk-17-jre-headless"));
        assertThat(applicable(optimization, before)).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("install openjdk-17-jre-headless instead of openjdk-17-jdk-headless");
        });
        assertThat(optimization.apply(project(before)).notes())
                .containsExactly(new ChangeNote("jdk-to-jre", 2, "openjdk-17-jdk-headless → openjdk-17-jre-headless"));
        assertThat(applied(optimization, "FROM ubuntu:22.04\nRUN apt install -y openjdk-11-jdk=11.0.20+8-1ubuntu1 default-jdk\n"))
                .isEqualTo("FROM ubuntu:22.04\nRUN apt install -y openjdk-11-jre-headless=11.0.20+8-1ubuntu1 default-jre-headless\n");
    }

    @Test
    void theRuntimeStageOfAMavenBuildMovesToTheJreButTheBuildStageKeepsItsJdk() {
        String before = """
                FROM eclipse-temurin:17-jdk AS build
                WORKDIR /src
                COPY . .
                RUN ./mvnw -B package -DskipTests

                FROM eclipse-temurin:17-jdk
                COPY --from=build /src/target/app.jar /app.jar
                ENTRYPOINT ["java", "-jar", "/app.jar"]
                """;
        assertThat(applied(optimization, before)).isEqualTo(before.replace(
                "FROM eclipse-temurin:17-jdk\n", "FROM eclipse-temurin:17-jre\n"));
        assertThat(applicable(optimization, before)).extracting(Finding::line).containsExactly(6);
        assertThat(reasonsNotApplicable(optimization, before)).singleElement().asString()
                .isEqualTo("the stage uses ./mvnw (line 4), which needs the JDK; build in a JDK stage and copy the "
                        + "result into a JRE stage (multi-stage)");
    }

    @Test
    void eachJdkImageFollowsItsTagsAndSomeHaveNoJre() {
        String before = """
                FROM eclipse-temurin:17 AS a
                FROM openjdk:11-jdk AS b
                FROM openjdk:11-jdk-slim AS c
                FROM --platform=linux/amd64 eclipse-temurin:21-jdk-jammy   AS d
                FROM eclipse-temurin:8u392-b08-jdk AS e
                FROM amazoncorretto:17 AS f
                FROM openjdk:17-jdk AS g
                FROM eclipse-temurin:17-jre AS h
                FROM maven:3.9-eclipse-temurin-17 AS i
                """;
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM eclipse-temurin:17-jre AS a
                FROM openjdk:11-jre AS b
                FROM openjdk:11-jre-slim AS c
                FROM --platform=linux/amd64 eclipse-temurin:21-jre-jammy   AS d
                FROM eclipse-temurin:8u392-b08-jre AS e
                FROM amazoncorretto:17 AS f
                FROM openjdk:17-jdk AS g
                FROM eclipse-temurin:17-jre AS h
                FROM maven:3.9-eclipse-temurin-17 AS i
                """);
        assertThat(reasonsNotApplicable(optimization, before)).satisfiesExactly(
                r -> assertThat(r).contains("amazoncorretto publishes no JRE tags"),
                r -> assertThat(r).contains("openjdk publishes JRE images for Java 8 and 11 only"),
                r -> assertThat(r).isEqualTo("eclipse-temurin:17-jre is already the JRE"),
                r -> assertThat(r).contains("maven:3.9-eclipse-temurin-17 is a build image"));
    }

    @Test
    void aToolInAStageBuiltFromThisOneKeepsTheJdk() {
        String before = """
                FROM eclipse-temurin:21 AS base
                WORKDIR /app
                FROM base AS build
                COPY . .
                RUN gradle --no-daemon build
                FROM base AS run
                COPY --from=build /app/build/libs/app.jar .
                CMD java -jar app.jar
                """;
        assertThat(applied(optimization, before)).isEqualTo(before);
        assertThat(reasonsNotApplicable(optimization, before)).singleElement().asString()
                .startsWith("the stage build, built FROM this one, uses gradle (line 5)");
    }

    @Test
    void jdkToolsBuildToolPackagesAndDiagnosticsCountAsUse() {
        String javac = "FROM debian:bookworm\nRUN apt-get install -y openjdk-17-jdk && javac Main.java\n";
        assertThat(applied(optimization, javac)).isEqualTo(javac);
        assertThat(reasonsNotApplicable(optimization, javac)).singleElement().asString().contains("javac (line 2)");
        String maven = "FROM debian:bookworm\nRUN apt-get install -y openjdk-17-jdk maven\n";
        assertThat(reasonsNotApplicable(optimization, maven)).singleElement().asString().contains("maven (installed) (line 2)");
        String jcmd = "FROM eclipse-temurin:17-jdk\nHEALTHCHECK NONE\nCMD [\"sh\", \"jcmd\"]\n";
        assertThat(reasonsNotApplicable(optimization, jcmd)).singleElement().asString().contains("jcmd (line 3)");
    }

    static Stream<Arguments> jdkToolUses() {
        return Stream.of(
                Arguments.of("HEALTHCHECK CMD jcmd 1 VM.uptime", "jcmd"),
                Arguments.of("HEALTHCHECK --interval=10s CMD [\"jcmd\", \"1\", \"VM.uptime\"]", "jcmd"),
                Arguments.of("CMD [\"sh\", \"-c\", \"jcmd 1 VM.uptime\"]", "jcmd"),
                Arguments.of("ENTRYPOINT [\"/bin/bash\", \"-c\", \"jar tf app.jar && java -jar app.jar\"]", "jar"),
                Arguments.of("RUN [\"sh\",\"-c\",\"javac Main.java\"]", "javac"),
                Arguments.of("RUN sh -c 'javac Main.java'", "javac"),
                Arguments.of("CMD [\"bash\", \"-lc\", \"exec jcmd 1 VM.uptime\"]", "jcmd"));
    }

    @ParameterizedTest
    @MethodSource("jdkToolUses")
    void aHealthCheckOrTheShellScriptOfACommandThatUsesAJdkToolKeepsTheJdk(String instruction, String tool) {
        String before = "FROM debian:bookworm-slim\nRUN apt-get install -y openjdk-17-jdk-headless\n" + instruction + "\n";
        assertThat(applied(optimization, before)).isEqualTo(before);
        assertThat(applicable(optimization, before)).isEmpty();
        assertThat(reasonsNotApplicable(optimization, before)).singleElement().asString()
                .isEqualTo("the stage uses " + tool + " (line 3), which needs the JDK; build in a JDK stage and copy "
                        + "the result into a JRE stage (multi-stage)");
        String image = "FROM eclipse-temurin:17-jdk\n" + instruction + "\n";
        assertThat(applied(optimization, image)).isEqualTo(image);
        assertThat(reasonsNotApplicable(optimization, image)).singleElement().asString()
                .startsWith("the stage uses " + tool + " (line 2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1",
            "HEALTHCHECK CMD [\"java\", \"-version\"]",
            "HEALTHCHECK --interval=5s CMD [\"sh\", \"-c\", \"curl -f http://localhost:8080/ && java -version\"]",
            "HEALTHCHECK NONE"})
    void aHealthCheckWithoutAJdkToolOrWithNoneLeavesTheSwap(String healthCheck) {
        String before = "FROM eclipse-temurin:17-jdk\n" + healthCheck + "\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n";
        assertThat(applied(optimization, before))
                .isEqualTo(before.replace("eclipse-temurin:17-jdk", "eclipse-temurin:17-jre"));
        assertThat(reasonsNotApplicable(optimization, before)).isEmpty();
    }

    @Test
    void argBuiltTagsHeredocsApkAndBacktickFiles() {
        assertThat(applied(optimization, """
                ARG JAVA_VERSION=17
                FROM eclipse-temurin:${JAVA_VERSION}-jdk AS runtime
                COPY app.jar /app.jar
                """)).isEqualTo("""
                ARG JAVA_VERSION=17
                FROM eclipse-temurin:${JAVA_VERSION}-jre AS runtime
                COPY app.jar /app.jar
                """);
        assertThat(applied(optimization, """
                FROM alpine:3.20
                RUN <<EOF
                apk add --no-cache openjdk17 tini
                EOF
                ENTRYPOINT ["tini", "--", "java", "-jar", "/app.jar"]
                """)).isEqualTo("""
                FROM alpine:3.20
                RUN <<EOF
                apk add --no-cache openjdk17-jre-headless tini
                EOF
                ENTRYPOINT ["tini", "--", "java", "-jar", "/app.jar"]
                """);
        assertThat(applied(optimization, """
                # escape=`
                FROM registry.access.redhat.com/ubi9/ubi-minimal
                RUN microdnf install -y java-17-openjdk-devel `
                    && microdnf clean all
                """)).isEqualTo("""
                # escape=`
                FROM registry.access.redhat.com/ubi9/ubi-minimal
                RUN microdnf install -y java-17-openjdk-headless `
                    && microdnf clean all
                """);
    }

    @Test
    void aMavenImageThatBuildsAndRunsIsPointedAtMultiStage() {
        String before = """
                FROM maven:3.9-eclipse-temurin-17
                WORKDIR /app
                COPY . .
                RUN mvn -B package
                CMD ["java", "-jar", "target/app.jar"]
                """;
        assertThat(applied(optimization, before)).isEqualTo(before);
        assertThat(reasonsNotApplicable(optimization, before)).singleElement().asString()
                .contains("maven:3.9-eclipse-temurin-17 is a build image").contains("multi-stage");
    }

    @Test
    void noJdkAtAllHasNothingToDo() {
        String python = "FROM python:3.12-slim\nRUN pip install flask\n";
        assertThat(applied(optimization, python)).isEqualTo(python);
        assertThat(optimization.findings(project(python)))
                .containsExactly(Finding.nothingToDo("jdk-to-jre", "no JDK base image or JDK package"));
    }

    @Test
    void holdsOverTheCorpus() throws Exception {
        SlimBaseTest.holdsOverTheCorpus(optimization);
    }

    @Test
    void describesItself() {
        assertThat(optimization.id()).isEqualTo("jdk-to-jre");
        assertThat(optimization.risk()).isEqualTo(Risk.MEDIUM);
        assertThat(optimization.category()).isEqualTo(Category.TOOLCHAIN);
        assertThat(optimization.riskRationale()).contains("jcmd").contains("11.0.20");
    }
}
