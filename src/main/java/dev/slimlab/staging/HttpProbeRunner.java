package dev.slimlab.staging;

import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.engine.api.RunningContainer;
import dev.slimlab.experiment.TestOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs an {@link HttpProbe}: starts the image with its own entrypoint and the network on, waits
 * for the port to answer HTTP, makes each request, and removes the container. One outcome per
 * request.
 */
final class HttpProbeRunner {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 200;

    private final ImageEngine engine;
    private final StagingSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpProbeRunner(ImageEngine engine, StagingSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** {@code imageEnv}: the image's ENV, which the probe's variables may refer to. */
    List<TestOutcome> run(HttpProbe probe, String image, Map<String, String> imageEnv, Cancellation cancellation) {
        long start = System.nanoTime();
        try (RunningContainer container = engine.start(settings.container(image)
                .withEnv(SuiteRunner.expand(probe.envVars(), imageEnv)).publishing(probe.port()))) {
            cancellation.onCancel(container::close);
            String base = "http://" + container.host() + ":" + container.port();
            String firstPath = probe.requests().isEmpty() ? "/" : probe.requests().get(0).path();
            String notReady = awaitAnswer(container, base + firstPath, probe, cancellation);
            if (notReady != null) {
                return failAll(probe, TestOutcome.Status.FAILED, notReady, logs(container), start);
            }
            List<TestOutcome> outcomes = new ArrayList<>();
            for (HttpProbe.Request request : probe.requests()) {
                outcomes.add(request(probe, request, base));
            }
            return outcomes;
        } catch (EngineException e) {
            return failAll(probe, TestOutcome.Status.ERROR, e.getMessage(), "", start);
        }
    }

    /** Null once the port answers HTTP; otherwise why it never did. */
    private String awaitAnswer(RunningContainer container, String url, HttpProbe probe, Cancellation cancellation)
            throws EngineException {
        long deadline = System.nanoTime() + Duration.ofSeconds(probe.timeoutSeconds()).toNanos();
        while (System.nanoTime() < deadline) {
            if (cancellation.isCancelled()) {
                return "cancelled";
            }
            try {
                http.send(get(url), HttpResponse.BodyHandlers.discarding());
                return null;
            } catch (IOException notYet) {
                if (!container.running()) {
                    return "the container exited before port " + probe.port() + " answered";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return "port " + probe.port() + " did not answer HTTP within " + probe.timeoutSeconds() + " s";
    }

    private TestOutcome request(HttpProbe probe, HttpProbe.Request request, String base) {
        long start = System.nanoTime();
        String name = name(probe, request);
        try {
            HttpResponse<String> response = http.send(get(base + request.path()), HttpResponse.BodyHandlers.ofString());
            List<String> failures = new ArrayList<>();
            if (response.statusCode() != request.expectedStatus()) {
                failures.add("status " + response.statusCode() + ", expected " + request.expectedStatus());
            }
            request.expectedBody().filter(regex -> !Pattern.compile(regex).matcher(response.body()).find())
                    .ifPresent(regex -> failures.add("expected the body to match /" + regex + "/, it does not"));
            return new TestOutcome("http", name, failures.isEmpty() ? TestOutcome.Status.PASSED : TestOutcome.Status.FAILED,
                    seconds(start), String.join("\n", failures), response.body());
        } catch (IOException e) {
            return new TestOutcome("http", name, TestOutcome.Status.FAILED, seconds(start),
                    "no answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestOutcome("http", name, TestOutcome.Status.ERROR, seconds(start), "interrupted", "");
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private static String logs(RunningContainer container) {
        try {
            return container.logs();
        } catch (EngineException e) {
            return "(its log could not be read: " + e.getMessage() + ")";
        }
    }

    private static List<TestOutcome> failAll(HttpProbe probe, TestOutcome.Status status, String why, String output,
                                             long start) {
        return probe.requests().stream()
                .map(r -> new TestOutcome("http", name(probe, r), status, seconds(start), why, output)).toList();
    }

    private static String name(HttpProbe probe, HttpProbe.Request request) {
        return probe.name() + " GET " + request.path();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
