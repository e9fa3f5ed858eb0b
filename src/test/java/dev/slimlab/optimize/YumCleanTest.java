package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YumCleanTest {

    final YumClean optimization = new YumClean();

    @Test
    void appendsEachPackageManagersOwnClean() {
        String before = """
                FROM rockylinux:9 AS rocky
                RUN yum -y install python3 && \\
                    yum -y update
                FROM fedora:40 AS fedora
                RUN dnf group install -y "Development Tools"
                FROM registry.access.redhat.com/ubi9/ubi-minimal AS ubi
                RUN microdnf install -y java-17-openjdk-headless
                FROM opensuse/leap:15.5
                RUN zypper --non-interactive in curl
                """;
        assertThat(applicable(optimization, before)).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("append yum clean all to the RUN (hadolint DL3032)"),
                m -> assertThat(m).startsWith("append dnf clean all to the RUN (hadolint DL3040)"),
                m -> assertThat(m).startsWith("append microdnf clean all to the RUN (hadolint DL3040)"),
                m -> assertThat(m).startsWith("append zypper clean to the RUN (hadolint DL3036)"));
        assertThat(applied(optimization, before)).isEqualTo("""
                FROM rockylinux:9 AS rocky
                RUN yum -y install python3 && \\
                    yum -y update && yum clean all
                FROM fedora:40 AS fedora
                RUN dnf group install -y "Development Tools" && dnf clean all
                FROM registry.access.redhat.com/ubi9/ubi-minimal AS ubi
                RUN microdnf install -y java-17-openjdk-headless && microdnf clean all
                FROM opensuse/leap:15.5
                RUN zypper --non-interactive in curl && zypper clean
                """);
    }

    @Test
    void alreadyCleanedCachesAndOtherCommandsAreLeftAlone() {
        String clean = """
                FROM rockylinux:9
                RUN yum install -y python3 && yum clean all
                RUN dnf install -y gcc && rm -rf /var/cache/dnf
                RUN yum install -y git && rm -rf /var/cache/yum/*
                RUN microdnf install -y tar && microdnf clean all
                RUN zypper -n install curl && zypper clean -a
                RUN yum list installed && dnf group list
                """;
        assertThat(applied(optimization, clean)).isEqualTo(clean);
        assertThat(reasonsNotApplicable(optimization, clean)).containsExactly(
                "no yum, dnf, microdnf or zypper install that leaves its cache in the image");
        String cleanedTooEarly = "FROM fedora:40\nRUN dnf clean all && dnf install -y make\n";
        assertThat(applied(optimization, cleanedTooEarly))
                .isEqualTo("FROM fedora:40\nRUN dnf clean all && dnf install -y make && dnf clean all\n");
    }

    @Test
    void aCacheMountIsRespectedAndHeredocsAndBacktickEscapesAreRewritten() {
        String mounted = "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y gcc\n";
        assertThat(applied(optimization, mounted)).isEqualTo(mounted);
        assertThat(reasonsNotApplicable(optimization, mounted)).singleElement().asString()
                .contains("build cache at /var/cache/dnf");
        assertThat(applied(optimization, """
                # syntax=docker/dockerfile:1
                ARG UBI=9.4
                FROM registry.access.redhat.com/ubi9/ubi:${UBI}
                RUN <<EOF
                set -eux
                sudo dnf install -y python3.11
                EOF
                """)).isEqualTo("""
                # syntax=docker/dockerfile:1
                ARG UBI=9.4
                FROM registry.access.redhat.com/ubi9/ubi:${UBI}
                RUN <<EOF
                set -eux
                sudo dnf install -y python3.11
                sudo dnf clean all
                EOF
                """);
        assertThat(applied(optimization, "# escape=`\nFROM centos:7\nRUN yum install -y `\n    httpd\n"))
                .isEqualTo("# escape=`\nFROM centos:7\nRUN yum install -y `\n    httpd && yum clean all\n");
    }
}
