package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applicable;
import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretInEnvTest {

    final SecretInEnv optimization = new SecretInEnv();

    @Test
    void warnsAboutEnvAndArgSecretsWithoutRepeatingTheirValues() {
        String text = """
                ARG NPM_TOKEN
                FROM node:20-slim
                ARG NPM_TOKEN
                ENV DATABASE_PASSWORD=hunter2 \\
                    django_secret_key="s3cr3t" \\
                    AWS_ACCESS_KEY_ID=AKIAEXAMPLE
                ENV STRIPE_APIKEY sk_live_123
                RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
                """;
        assertThat(optimization.lintOnly()).isTrue();
        assertThat(applicable(optimization, text)).extracting(Finding::line, Finding::excerpt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "ARG NPM_TOKEN"),
                org.assertj.core.groups.Tuple.tuple(3, "ARG NPM_TOKEN"),
                org.assertj.core.groups.Tuple.tuple(4, "ENV DATABASE_PASSWORD=…"),
                org.assertj.core.groups.Tuple.tuple(4, "ENV django_secret_key=…"),
                org.assertj.core.groups.Tuple.tuple(4, "ENV AWS_ACCESS_KEY_ID=…"),
                org.assertj.core.groups.Tuple.tuple(7, "ENV STRIPE_APIKEY=…"));
        assertThat(applicable(optimization, text)).allSatisfy(f -> assertThat(f.excerpt() + f.message())
                .doesNotContain("hunter2").doesNotContain("s3cr3t").doesNotContain("sk_live").contains("--mount=type=secret"));
        assertThat(applicable(optimization, text).get(0).message()).contains("image history");
        assertThat(applicable(optimization, text).get(2).message()).contains("image configuration");
        assertThat(applied(optimization, text)).isEqualTo(text);
    }

    @Test
    void namesOfSecretFilesAndLookAlikesAreNotSecrets() {
        String text = """
                FROM postgres:16
                ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password \\
                    TOKENIZERS_PARALLELISM=false \\
                    SECRETARY_NAME=nobody
                """;
        assertThat(applicable(optimization, text)).isEmpty();
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("POSTGRES_PASSWORD_FILE names where a secret is");
    }

    @Test
    void aFileWithoutSecretsHasNothingToDo() {
        String text = """
                # escape=`
                FROM python:3.12-slim
                ENV PYTHONUNBUFFERED=1 `
                    PIP_NO_CACHE_DIR=1
                ARG VERSION=1.0
                """;
        assertThat(reasonsNotApplicable(optimization, text)).singleElement().asString()
                .contains("no ENV or ARG name looks like a secret");
        assertThat(applied(optimization, text)).isEqualTo(text);
    }
}
