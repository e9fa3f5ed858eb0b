package dev.slimlab.report;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Analyzer;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.BuildStep;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.WastedFile;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.LayerResult;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.RunSummary;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import dev.slimlab.optimize.Catalog;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fixed experiment for report tests: the story's service, with the original, minimal and
 * maximum presets, two optimizations measured alone, one variant that did not build, staging
 * tests and parity findings, timed BuildKit steps (two in parallel), three runs of history, and
 * hostile text (markup, script) where users and builds put text.
 */
public final class ReportFixtures {

    /** Text that must come out of every report as text, never as markup. */
    public static final String HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";

    static final String ORIGINAL_DOCKERFILE = """
            # the story's service; LABEL note="%s"
            FROM python:3.10
            ENV PYTHONUBUFFERED=1
            RUN apt-get update
            RUN apt-get install -y gcc libpq-dev curl git
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            ENTRYPOINT ["./entrypoint.sh"]
            """.formatted(HOSTILE);
    static final String MINIMAL_DOCKERFILE = """
            # the story's service; LABEL note="%s"
            FROM python:3.10-slim
            ENV PYTHONUBUFFERED=1
            RUN apt-get update && \\
                apt-get install --no-install-recommends -y gcc libpq-dev curl git && rm -rf /var/lib/apt/lists/*
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt
            ENTRYPOINT ["./entrypoint.sh"]
            """.formatted(HOSTILE);

    static final Set<String> MINIMAL = Set.of("slim-base", "apt-no-install-recommends", "apt-clean-lists",
            "pip-no-cache-dir", "combine-runs");
    static final Set<String> MAXIMUM = Set.of("multi-stage", "slim-base", "apt-no-install-recommends",
            "apt-clean-lists", "pip-no-cache-dir", "combine-runs", "env-typo");

    /** A step whose name must come out of every report as text. */
    static final String HOSTILE_STEP = "[builder 3/3] RUN pip install --prefix=/install -r requirements.txt"
            + " && echo \"<script>&\"";

    /**
     * A multi-stage BuildKit build as the daemon times it: the builder's pip install and the
     * final stage's apt-get run side by side, the base images and the first COPY come from the cache.
     */
    static final List<BuildStep> BUILDKIT_STEPS = List.of(
            new BuildStep(1, "[internal] load build definition from Dockerfile", 0.0, 0.03, false),
            new BuildStep(2, "[internal] load metadata for docker.io/library/python:3.10", 0.03, 0.6, false),
            new BuildStep(3, "[internal] load build context", 0.65, 0.12, false),
            new BuildStep(4, "[builder 1/3] FROM docker.io/library/python:3.10", 0.65, 0, true),
            new BuildStep(5, "[stage-1 1/4] FROM docker.io/library/python:3.10-slim", 0.65, 0, true),
            new BuildStep(6, "[builder 2/3] COPY requirements.txt .", 0.77, 0, true),
            new BuildStep(7, HOSTILE_STEP, 0.8, 24.5, false),
            new BuildStep(8, "[stage-1 2/4] RUN apt-get update && apt-get install -y libpq5", 0.8, 9.2, false),
            new BuildStep(9, "[stage-1 3/4] COPY --from=builder /install /usr/local", 25.3, 1.4, false),
            new BuildStep(10, "[stage-1 4/4] COPY . .", 26.7, 0.3, false),
            new BuildStep(11, "exporting to image", 27.0, 2.1, false));

    private ReportFixtures() {
    }

    public static ExperimentResult story() {
        List<TestOutcome> passing = List.of(
                new TestOutcome("command", "app imports", TestOutcome.Status.PASSED, 1.25, "", "ok\n"),
                new TestOutcome("http", "web GET /health", TestOutcome.Status.PASSED, 2.5, "", "ok"));
        VariantResult original = variant("original", Set.of(), 3_100_000_000L, 1_050_000_000L,
                List.of(480.0, 470.0, 495.0), ORIGINAL_DOCKERFILE, 0.91, 120_000_000L)
                .withStaging(new StagingResult(passing, List.of(), List.of()));
        VariantResult minimal = variant("minimal", MINIMAL, 1_200_000_000L, 420_000_000L, List.of(362.0, 355.0, 370.5),
                MINIMAL_DOCKERFILE, 0.98, 8_000_000L)
                .withStaging(new StagingResult(passing, List.of(new ParityFinding("executable", Severity.MEDIUM, "git",
                        "/usr/bin/git", "", "git is on the original's PATH and not on the variant's")), List.of()));
        VariantResult maximum = variant("maximum", MAXIMUM, 600_000_000L, 210_000_000L, List.of(600.0, 590.0, 612.0),
                "FROM python:3.10 AS builder\nRUN pip install --prefix=/install -r requirements.txt\n"
                        + "FROM python:3.10-slim\nENV PYTHONUNBUFFERED=1\nCOPY --from=builder /install /usr/local\n",
                0.99, 1_000_000L)
                .withStaging(new StagingResult(List.of(passing.get(0), new TestOutcome("http", "web GET /health",
                        TestOutcome.Status.PASSED, 2.25, "", "ok")), List.of(
                        new ParityFinding("env", Severity.HIGH, "PYTHONUBUFFERED", "1", "",
                                "ENV PYTHONUBUFFERED is set in the original and not in the variant"),
                        new ParityFinding("library", Severity.HIGH, "libpq.so.5", "/usr/lib/x86_64-linux-gnu/libpq.so.5",
                                "not found", "libpq.so.5 resolves in the original and not in the variant " + HOSTILE),
                        new ParityFinding("env", Severity.LOW, "PYTHONUNBUFFERED", "", "1",
                                "ENV PYTHONUNBUFFERED is set in the variant only")), List.of()));
        VariantResult slim = variant("slim-base", Set.of("slim-base"), 1_500_000_000L, 520_000_000L, List.of(400.0),
                ORIGINAL_DOCKERFILE.replace("python:3.10\n", "python:3.10-slim\n"), 0.93, 100_000_000L)
                .withStaging(minimal.staging().orElseThrow());
        VariantResult clean = variant("apt-clean-lists", Set.of("apt-clean-lists"), 3_050_000_000L, 1_030_000_000L,
                List.of(481.0), ORIGINAL_DOCKERFILE, 0.92, 110_000_000L);
        VariantResult alpine = VariantResult.notBuilt(new VariantSpec("alpine", Set.of("alpine-base")),
                VariantResult.Status.FAILED, "the base image python:3.10-alpine is not on this machine " + HOSTILE,
                "FROM python:3.10-alpine\n", List.of(0.5), List.of(), List.of("Pulling python:3.10-alpine",
                        "error: " + HOSTILE), "");
        ExperimentResult now = new ExperimentResult("story", ORIGINAL_DOCKERFILE, "/home/ana/story-service",
                new ExperimentSettings(3, true, false, 1, 1800, 6, 100.0, Builder.BUILDKIT, Optional.empty()),
                new EngineInfo("unix:///var/run/docker.sock", "28.2.2", "1.50", "linux/amd64", Builder.BUILDKIT),
                "2026-11-28T10:00:00Z", List.of(original, minimal, maximum, slim, clean, alpine));
        List<RunSummary> history = List.of(
                run("2026-11-14T10:00:00Z", 3_150_000_000L, 1_260_000_000L, 640_000_000L, 500.0, 380.0, 630.0),
                run("2026-11-21T10:00:00Z", 3_120_000_000L, 1_220_000_000L, 610_000_000L, 490.0, 365.0, 615.0),
                RunSummary.of(now));
        return new ExperimentResult(now.id(), now.dockerfile(), now.context(), now.settings(), now.engine(),
                now.startedAt(), now.variants(), history);
    }

    public static Analysis storyAnalysis() {
        return new Analyzer(Catalog.standard()).analyze(story());
    }

    private static RunSummary run(String when, long original, long minimal, long maximum, double originalSeconds,
                                  double minimalSeconds, double maximumSeconds) {
        return new RunSummary(when, List.of(
                new RunSummary.Variant("original", VariantResult.Status.BUILT, original, original / 3, originalSeconds),
                new RunSummary.Variant("minimal", VariantResult.Status.BUILT, minimal, minimal / 3, minimalSeconds),
                new RunSummary.Variant("maximum", VariantResult.Status.BUILT, maximum, maximum / 3, maximumSeconds)));
    }

    private static VariantResult variant(String name, Set<String> optimizations, long size, long compressed,
                                         List<Double> seconds, String dockerfile, double efficiency, long wasted) {
        long base = size * 3 / 10;
        List<LayerResult> layers = List.of(new LayerResult("/bin/sh -c #(nop) ADD file:base in / ", base),
                new LayerResult("/bin/sh -c apt-get install -y gcc libpq-dev curl git " + HOSTILE, size * 5 / 10),
                new LayerResult("/bin/sh -c pip install -r requirements.txt", size - base - size * 5 / 10));
        return new VariantResult(name, optimizations, VariantResult.Status.BUILT, Optional.empty(),
                Optional.of("sha256:" + Integer.toHexString(name.hashCode())), size, compressed,
                compressed * 8 / 100e6, layers, seconds,
                BUILDKIT_STEPS,
                efficiency, wasted, 100.0 * wasted / (size - base),
                List.of(new WastedFile("/var/lib/apt/lists/deb.debian.org_dists_bookworm_main", 2, wasted / 2),
                        new WastedFile("/root/.cache/pip/" + HOSTILE, 2, wasted / 4)),
                optimizations.contains("slim-base") ? List.of(new InstalledPackage("dpkg", "python3", "3.11.2", 20_000_000L))
                        : List.of(new InstalledPackage("dpkg", "python3", "3.11.2", 20_000_000L),
                                new InstalledPackage("dpkg", "git", "1:2.39.5", 40_000_000L),
                                new InstalledPackage("dpkg", "gcc-12", "12.2.0", 70_000_000L)),
                dockerfile, List.of("Step 1/6 : FROM python:3.10", "Successfully built " + name), "");
    }
}
