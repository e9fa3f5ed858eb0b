package dev.slimlab.engine;

import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SlimLab's engine against the docker CLI on the same machine, in one run. Not a test: run it
 * by hand with a daemon up (and the busybox fixture and stand-in images present):
 *
 * <pre>{@code
 * mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * mvn -B -q test-compile && java -cp "target/classes:target/test-classes:$(cat cp.txt)" dev.slimlab.engine.EngineBenchmark [N] [IMAGE]
 * }</pre>
 *
 * <p>(1) Builds N small multi-stage variants with {@link DockerEngine#build} and with
 * {@code docker build}, alternating, on BuildKit ({@code DOCKER_BUILDKIT=1}) and on the classic
 * builder, cold ({@code --no-cache}) and warm (all cached), and prints the total wall time of
 * each and their ratio. (2) Analyses IMAGE's layers (efficiency, waste, gzip size, packages) and times it
 * against {@code docker save IMAGE > /dev/null}, the bare cost of reading the same bytes.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        String image = args.length > 1 ? args[1] : "python:3.10";
        try (DockerEngine engine = new DockerEngine()) {
            System.out.println("daemon " + engine.ping().engineVersion());
            DockerDaemon.ensureBusybox(engine);
            Path context = Files.createTempDirectory("slimlab-bench-");
            Files.writeString(context.resolve("data.txt"), "x".repeat(100_000));
            for (Builder builder : List.of(Builder.BUILDKIT, Builder.CLASSIC)) {
                compareBuilds(engine, builder, n, context, true);
                compareBuilds(engine, builder, n, context, false);
            }

            long t2 = System.nanoTime();
            run("sh", "-c", DOCKER + " save " + image + " > /dev/null");
            double save = (System.nanoTime() - t2) / 1e9;
            long t3 = System.nanoTime();
            var analysis = engine.analyze(image, 6);
            double analyse = (System.nanoTime() - t3) / 1e9;
            System.out.printf(Locale.ROOT, "layers of %s (%,d bytes compressed, efficiency %.3f, %d packages): "
                            + "analysis %.2f s, docker save > /dev/null %.2f s, ratio %.2f%n", image,
                    analysis.compressedBytes(), analysis.waste().efficiency(), analysis.packages().size(), analyse, save,
                    analyse / save);
            long t4 = System.nanoTime();
            engine.analyze(image, 1);
            double fast = (System.nanoTime() - t4) / 1e9;
            System.out.printf(Locale.ROOT, "  with gzip level 1: %.2f s, ratio %.2f%n", fast, fast / save);
            engine.removeLabelled("dev.slimlab.experiment", "bench");
        }
    }

    /**
     * N variants built by SlimLab and by {@code docker build} with the same builder, alternating,
     * in the same cache state: cold ({@code --no-cache}, every step runs) or warm (a first round,
     * not timed, leaves every step cached for the timed one). Prints the totals and their ratio.
     */
    private static void compareBuilds(DockerEngine engine, Builder builder, int n, Path context, boolean cold)
            throws Exception {
        double slimlab = 0;
        double cli = 0;
        for (int round = cold ? 1 : 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                // independent stages, as a multi-stage variant has: BuildKit runs them at once
                String dockerfile = "FROM " + DockerDaemon.BUSYBOX + " AS data\nCOPY data.txt /data.txt\n"
                        + "RUN dd if=/dev/zero of=/f" + i + " bs=1024 count=" + (256 * (i + 1)) + "\n"
                        + "FROM " + DockerDaemon.BUSYBOX + " AS tool\nRUN echo tool " + i + " > /tool && sleep 0.5\n"
                        + "FROM " + DockerDaemon.BUSYBOX + "\nCOPY --from=data /f" + i + " /f\nCOPY --from=tool /tool /tool\n"
                        + "RUN echo variant " + i + " > /v\nCMD [\"sh\"]\n";
                Files.writeString(context.resolve("Dockerfile"), dockerfile);
                List<String> command = new ArrayList<>(List.of(DOCKER, "build", "-q", "--label",
                        "dev.slimlab.experiment=bench", "-t", "slimlab/bench:cli" + i, context.toString()));
                if (cold) {
                    command.add(2, "--no-cache");
                }
                double ours = 0;
                double theirs = 0;
                // who goes first alternates: the second build of a pair finds the base layers warm in memory
                for (boolean slimlabTurn : i % 2 == 0 ? List.of(true, false) : List.of(false, true)) {
                    long t0 = System.nanoTime();
                    if (slimlabTurn) {
                        BuildOutcome outcome = engine.build(BuildRequest.of(context,
                                        dockerfile.getBytes(StandardCharsets.UTF_8), "slimlab/bench:slimlab" + i,
                                        Map.of("dev.slimlab.experiment", "bench"))
                                .withNoCache(cold).withBuilder(builder), BuildListener.NONE, Cancellation.none());
                        if (!outcome.built()) {
                            throw new IllegalStateException("build failed: " + outcome.error());
                        }
                        ours = (System.nanoTime() - t0) / 1e9;
                    } else {
                        run(Map.of("DOCKER_BUILDKIT", builder == Builder.BUILDKIT ? "1" : "0"),
                                command.toArray(String[]::new));
                        theirs = (System.nanoTime() - t0) / 1e9;
                    }
                }
                if (round == 1) {
                    slimlab += ours;
                    cli += theirs;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d variants %s: SlimLab %.2f s, DOCKER_BUILDKIT=%s docker build %.2f s,"
                        + " ratio %.3f%n", builder == Builder.BUILDKIT ? "BuildKit" : "classic builder", n,
                cold ? "cold (--no-cache)" : "warm (every step cached)", slimlab,
                builder == Builder.BUILDKIT ? "1" : "0", cli, slimlab / cli);
    }

    /** The engine's own client (Debian docker.io) where there is one: newer CLIs need buildx for BuildKit. */
    private static final String DOCKER = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";

    private static void run(String... command) throws IOException, InterruptedException {
        run(Map.of(), command);
    }

    private static void run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        try (InputStream out = p.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + text);
            }
        }
    }
}
