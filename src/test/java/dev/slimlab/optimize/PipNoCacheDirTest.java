package dev.slimlab.optimize;

import static dev.slimlab.optimize.OptimizationAssertions.applied;
import static dev.slimlab.optimize.OptimizationAssertions.reasonsNotApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipNoCacheDirTest {

    final PipNoCacheDir optimization = new PipNoCacheDir();

    @Test
    void everyPipSpellingGetsTheFlag() {
        assertThat(applied(optimization, """
                ARG PY=3.10
                FROM python:${PY}
                COPY requirements.txt .
                RUN pip install --upgrade pip && \\
                    pip3 install -r requirements.txt && \\
                    python -m pip install gunicorn==21.2.0 && python3.10 -m pip install -U setuptools
                """)).isEqualTo("""
                ARG PY=3.10
                FROM python:${PY}
                COPY requirements.txt .
                RUN pip install --no-cache-dir --upgrade pip && \\
                    pip3 install --no-cache-dir -r requirements.txt && \\
                    python -m pip install --no-cache-dir gunicorn==21.2.0 && python3.10 -m pip install --no-cache-dir -U setuptools
                """);
    }

    @Test
    void cacheMountsAndTheEnvironmentVariableAlreadyKeepTheCacheOut() {
        String mounted = "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n";
        assertThat(applied(optimization, mounted)).isEqualTo(mounted);
        assertThat(reasonsNotApplicable(optimization, mounted)).singleElement().asString()
                .contains("mounts a build cache at /root/.cache/pip", "not stored in the image");
        // a cache mounted elsewhere leaves pip's own cache in the layer
        assertThat(applied(optimization, "FROM python:3.12\nRUN --mount=type=cache,target=/root/.npm pip install x\n"))
                .isEqualTo("FROM python:3.12\nRUN --mount=type=cache,target=/root/.npm pip install --no-cache-dir x\n");
        String env = "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n";
        assertThat(applied(optimization, env)).isEqualTo(env);
        assertThat(reasonsNotApplicable(optimization, env)).singleElement().asString().contains("PIP_NO_CACHE_DIR");
    }

    @Test
    void otherPipCommandsAndAlreadyOptimizedOnesAreLeftAlone() {
        String text = "FROM python:3.12-slim\nRUN pip freeze > /req.txt && pip install --no-cache-dir flask && pip download x\n";
        assertThat(applied(optimization, text)).isEqualTo(text);
    }
}
