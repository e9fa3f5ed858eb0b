package dev.slimlab.dockerfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput and memory of the Dockerfile parser on a large, realistic file (~50 MB: many stages,
 * long RUN chains with continuations and comment lines inside them, heredocs, JSON forms,
 * comments). Not a test: run it by hand, from the project folder:
 *
 * <pre>{@code
 * mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt   # once
 * mvn -B -q test-compile && java -cp "target/classes:target/test-classes:$(cat cp.txt)" dev.slimlab.dockerfile.ParserBenchmark
 * }</pre>
 *
 * <p>Optional arguments: the input size in MB (default 50) and the number of measured runs
 * (default 5). Each operation is warmed up first, then timed; the best run counts. It prints the
 * throughput of: (1) the baseline, {@code new String(bytes, UTF_8)} plus splitting into lines,
 * which any parser must at least do; (2) {@link Dockerfile#parse(byte[])}; (3) parse plus
 * {@link Dockerfile#toBytes()}; (4) {@link AstDump#dump} of a parsed file; each also as a multiple
 * of the baseline's time. Then the heap in use with the parsed model alive (after
 * {@code System.gc()}), as a multiple of the input size.
 */
public final class ParserBenchmark {

    private static final int WARMUP = 2;

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long t0 = System.nanoTime();
        byte[] input = generate(megabytes * 1024L * 1024L);
        Dockerfile probe = Dockerfile.parse(input);
        System.out.printf(Locale.ROOT, "input: %.1f MB, %,d lines, %,d instructions, %,d stages (generated and"
                        + " checked in %.1f s)%n", mb(input.length), lines(input), probe.instructions().size(),
                probe.stages().size(), (System.nanoTime() - t0) / 1e9);
        if (!java.util.Arrays.equals(probe.toBytes(), input)) {
            throw new IllegalStateException("the benchmark input does not round-trip");
        }
        probe = null;
        long inputOnly = usedHeap();

        double baseline = best("baseline: decode + split lines", input, runs, () -> baseline(input));
        double parse = best("Dockerfile.parse", input, runs, () -> Dockerfile.parse(input).instructions().size());
        double roundTrip = best("parse + toBytes (round trip)", input, runs,
                () -> Dockerfile.parse(input).toBytes().length);
        Dockerfile parsed = Dockerfile.parse(input);
        double dump = best("AstDump.dump (parsed model)", input, runs, () -> AstDump.dump(parsed).length());

        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %12s%n", "operation", "best ms", "MB/s", "x baseline");
        row("baseline: decode + split lines", input, baseline, baseline);
        row("Dockerfile.parse", input, parse, baseline);
        row("parse + toBytes (round trip)", input, roundTrip, baseline);
        row("AstDump.dump (parsed model)", input, dump, baseline);

        System.out.println();
        long withModel = usedHeap(); // the input and the `parsed` model are alive
        System.out.printf(Locale.ROOT, "heap in use after parsing (input + model alive, after System.gc()): %.0f MB"
                + " = %.1f x the input%n", mb(withModel), (double) withModel / input.length);
        System.out.printf(Locale.ROOT, "  of which the model (minus the heap in use with the input alone, %.0f MB):"
                + " %.0f MB = %.1f x the input%n", mb(inputOnly), mb(withModel - inputOnly),
                (double) (withModel - inputOnly) / input.length);
        if (parsed.instructions().isEmpty()) {
            throw new IllegalStateException(); // keeps the model reachable up to here
        }
    }

    private interface Op {
        long run() throws Exception;
    }

    private static long sink;

    private static double best(String name, byte[] input, int runs, Op op) throws Exception {
        for (int k = 0; k < WARMUP; k++) {
            sink += op.run();
        }
        double best = Double.MAX_VALUE;
        StringBuilder all = new StringBuilder();
        for (int k = 0; k < runs; k++) {
            System.gc();
            long start = System.nanoTime();
            sink += op.run();
            double ms = (System.nanoTime() - start) / 1e6;
            best = Math.min(best, ms);
            all.append(String.format(Locale.ROOT, " %.0f", ms));
        }
        System.out.printf(Locale.ROOT, "%-34s runs (ms):%s%n", name, all);
        return best;
    }

    private static void row(String name, byte[] input, double ms, double baseline) {
        System.out.printf(Locale.ROOT, "%-34s %10.0f %10.1f %12.1f%n", name, ms, mb(input.length) / (ms / 1000),
                ms / baseline);
    }

    /** The least a parser must do: decode the bytes and cut the text into lines. */
    private static long baseline(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl;
            lines.add(text.substring(at, end));
            at = end + 1;
        }
        return lines.size();
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static long lines(byte[] input) {
        long n = 1;
        for (byte b : input) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    // ---- the input --------------------------------------------------------------------------

    /** A multi-stage Dockerfile of at least {@code size} bytes, every stage a little different. */
    static byte[] generate(long size) {
        StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, size + 8192));
        out.append("# syntax=docker/dockerfile:1.7\n");
        out.append("# A generated benchmark Dockerfile.\n\n");
        out.append("ARG BASE_IMAGE=debian:bookworm-slim\nARG GO_VERSION=1.22\n\n");
        for (int n = 0; out.length() < size; n++) {
            stage(out, n);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void stage(StringBuilder out, int n) {
        String crlf = n % 7 == 3 ? "\r\n" : "\n"; // some stages were edited on Windows
        List<String> l = new ArrayList<>();
        l.add("# ---- stage " + n + ": build and package component " + n + " ----");
        l.add("FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build-" + n);
        l.add("ARG VERSION=1." + n + ".0");
        l.add("ENV APP_HOME=/srv/app-" + n + " \\");
        l.add("    PATH=\"/opt/app-" + n + "/bin:$PATH\" \\");
        l.add("    LANG=C.UTF-8 GREETING=\"héllo wörld\"");
        l.add("WORKDIR /src/app-" + n);
        l.add("COPY --chown=1000:1000 go.mod go.sum ./");
        l.add("RUN --mount=type=cache,target=/root/.cache/go-build \\");
        l.add("    --mount=type=cache,target=/var/cache/apt,sharing=locked \\");
        l.add("    set -eux; \\");
        l.add("    apt-get update; \\");
        l.add("    # the build tools");
        int packages = 18 + n % 9;
        for (int p = 0; p < packages; p++) {
            l.add("    apt-get install -y --no-install-recommends package-" + n + "-" + p + "=" + (p % 4) + "."
                    + (n % 10) + ".1-1 && \\");
            if (p % 6 == 5) {
                l.add("");
                l.add("    # continue after a blank line, as people do");
            }
        }
        l.add("    rm -rf /var/lib/apt/lists/*");
        l.add("");
        l.add("RUN <<EOF");
        l.add("#!/bin/sh");
        l.add("set -e");
        for (int k = 0; k < 8; k++) {
            l.add("go build -trimpath -ldflags=\"-s -w -X main.version=${VERSION}\" -o /out/tool-" + k
                    + " ./cmd/tool-" + k);
        }
        l.add("EOF");
        l.add("COPY <<-EOT /etc/app-" + n + ".conf");
        l.add("\tlisten = 0.0.0.0:" + (8000 + n % 1000));
        l.add("\tworkers = " + (n % 16 + 1));
        l.add("\tEOT");
        l.add("");
        l.add("FROM ${BASE_IMAGE} AS runtime-" + n);
        l.add("LABEL org.opencontainers.image.version=\"1." + n + ".0\" \\");
        l.add("      org.opencontainers.image.description=\"stage " + n + " of the benchmark — café ☃\"");
        l.add("COPY --from=build-" + n + " [\"/out/\", \"/usr/local/bin/\"]");
        l.add("COPY [\"config/app " + n + ".yaml\", \"/etc/app/\"]");
        l.add("EXPOSE 8080/tcp 9090");
        l.add("HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\");
        l.add("    CMD curl -fsS http://localhost:8080/healthz || exit 1");
        l.add("USER 1000:1000");
        l.add("ENTRYPOINT [\"/usr/local/bin/tool-0\", \"--config\", \"/etc/app-" + n + ".conf\"]");
        l.add("CMD [\"--verbose\", \"--port=8080\"]");
        l.add("");
        for (String line : l) {
            out.append(line).append(crlf);
        }
    }
}
