package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddInsteadOfCopyTest {

    final AddInsteadOfCopy optimization = new AddInsteadOfCopy();

    @Test
    void plainLocalFilesAndFoldersShouldBeCopied() {
        String text = """
                FROM python:3.10
                WORKDIR /app
                ADD requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt
                ADD --chown=app:app . /app
                ADD ["config/settings.yml", "config/logging.yml", "/etc/app/"]
                """;
        assertThat(optimization.lintOnly()).isTrue();
        assertThat(applicable(optimization, text)).extracting(Finding::line).containsExactly(3, 5, 6);
        assertThat(applicable(optimization, text)).allSatisfy(f -> assertThat(f.message()).startsWith("use COPY")
                .contains("DL3020"));
        assertThat(applied(optimization, text)).isEqualTo(text);
    }

    @Test
    void urlsArchivesAndVariablesAreLeftWithAReason() {
        String text = """
                FROM debian:bookworm-slim
                ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
                ADD vendor/wheels.tar.gz /opt/wheels/
                ADD rootfs.TGZ /
                ARG BUNDLE
                ADD ${BUNDLE} /opt/bundle
                ADD git@github.com:example/repo.git /src
                """;
        assertThat(applicable(optimization, text)).isEmpty();
        assertThat(reasonsNotApplicable(optimization, text)).hasSize(5)
                .anySatisfy(r -> assertThat(r).contains("downloads https://github.com"))
                .anySatisfy(r -> assertThat(r).contains("unpacks the local archive vendor/wheels.tar.gz"))
                .anySatisfy(r -> assertThat(r).contains("unpacks the local archive rootfs.TGZ"))
                .anySatisfy(r -> assertThat(r).contains("${BUNDLE} is a variable"))
                .anySatisfy(r -> assertThat(r).contains("downloads git@github.com"));
    }

    @Test
    void copyOnlyFilesHeredocsAndOnbuildHaveNothingToDo() {
        String text = """
                # syntax=docker/dockerfile:1
                FROM nginx:1.27
                COPY site/ /usr/share/nginx/html/
                ADD <<EOF /etc/nginx/conf.d/extra.conf
                gzip on;
                EOF
                ONBUILD ADD . /app
                """;
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("no ADD of local files");
        assertThat(applied(optimization, text)).isEqualTo(text);
    }
}
