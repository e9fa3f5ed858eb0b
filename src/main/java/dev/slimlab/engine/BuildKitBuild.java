package dev.slimlab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.slimlab.engine.api.BuildListener;
import dev.slimlab.engine.api.BuildOutcome;
import dev.slimlab.engine.api.BuildRequest;
import dev.slimlab.engine.api.BuildStep;
import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.EngineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One build on the daemon's BuildKit: {@code POST /build?version=2} with the context tar as the
 * body (no session: the daemon serves the body to BuildKit as the context), decoded from the
 * stream's BuildKit status messages. Steps are timed with BuildKit's own timestamps; the log is
 * written as {@code docker build --progress=plain} writes it ({@code #5 [2/4] RUN ...}), without
 * ANSI codes. Cancelling asks the daemon to cancel the build and closes the stream; an image the
 * build still made is removed.
 */
final class BuildKitBuild {

    static final int LOG_TAIL_LINES = ClassicBuild.LOG_TAIL_LINES;
    /** Lines of a failing step's output repeated at the end of the log, as docker build does. */
    private static final int FAILED_STEP_LINES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Dockerfile step: {@code [2/4] RUN ...} or {@code [builder 3/5] COPY ...}. */
    private static final Pattern DOCKERFILE_STEP = Pattern.compile("^\\[(?:[^\\]]* )?\\d+/\\d+\\] .*");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
    private static final String METADATA = "[internal] load metadata for ";

    private final DockerEngine engine;
    private final DockerHttpClient http;
    private final BuildRequest request;
    private final BuildListener listener;
    private final Cancellation cancellation;
    private final String buildId = "slimlab-" + UUID.randomUUID();

    /** Every vertex seen, by digest, in the order first seen; updates merge into it. */
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private String imageId;
    private String error;
    private Throwable failure;

    BuildKitBuild(DockerEngine engine, DockerHttpClient http, BuildRequest request, BuildListener listener,
                  Cancellation cancellation) {
        this.engine = engine;
        this.http = http;
        this.request = request;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** A vertex as known so far, with its number in the log ({@code #5}) and its unfinished output line. */
    private static final class Step {
        final int number;
        BuildKitStatus.Vertex vertex;
        boolean announced;
        boolean ended;
        final StringBuilder partial = new StringBuilder();
        final Deque<String> output = new ArrayDeque<>();

        Step(int number, BuildKitStatus.Vertex vertex) {
            this.number = number;
            this.vertex = vertex;
        }

        boolean isDockerfileStep() {
            return DOCKERFILE_STEP.matcher(vertex.name()).matches();
        }

        boolean finished() {
            return vertex.cached() || vertex.completed() != null;
        }
    }

    BuildOutcome run(InputStream context) throws EngineException {
        long started = System.nanoTime();
        DockerHttpClient.Response response;
        try {
            response = http.execute(DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST)
                    .path(path())
                    .putHeader("Content-Type", "application/x-tar")
                    .body(context)
                    .build());
        } catch (RuntimeException e) {
            throw engine.unreachable("start the build of " + request.tag(), e);
        }
        cancellation.onCancel(() -> cancel(response));
        try (response) {
            if (response.getStatusCode() != 200) {
                error = daemonMessage(response);
            } else {
                read(response.getBody());
            }
        } catch (IOException | RuntimeException e) {
            if (!cancellation.isCancelled()) {
                failure = e;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        synchronized (this) {
            steps.values().forEach(this::flush);
        }
        if (cancellation.isCancelled()) {
            return outcome(BuildOutcome.Status.CANCELLED, null, removeLeftovers(), seconds);
        }
        if (error != null || failure != null) {
            return outcome(BuildOutcome.Status.FAILED, null,
                    error != null ? explained(error) : "the build stopped: " + DockerEngine.message(failure), seconds);
        }
        if (imageId == null) {
            return outcome(BuildOutcome.Status.FAILED, null, "the daemon reported no image id", seconds);
        }
        return outcome(BuildOutcome.Status.BUILT, imageId, null, seconds);
    }

    private String path() {
        StringBuilder p = new StringBuilder("/build?version=2&rm=1&forcerm=1")
                .append("&buildid=").append(encode(buildId))
                .append("&dockerfile=Dockerfile")
                .append("&t=").append(encode(request.tag()))
                .append("&labels=").append(encode(json(request.labels())))
                .append("&buildargs=").append(encode(json(request.buildArgs())));
        request.target().ifPresent(target -> p.append("&target=").append(encode(target)));
        if (request.noCache()) {
            p.append("&nocache=1");
        }
        if (request.pull()) {
            p.append("&pull=1");
        }
        return p.toString();
    }

    private static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The daemon's {@code {"message": ...}} answer to a request it refused before building. */
    private static String daemonMessage(DockerHttpClient.Response response) throws IOException {
        String body = new String(response.getBody().readNBytes(4000), StandardCharsets.UTF_8).strip();
        try {
            JsonNode message = JSON.readTree(body).path("message");
            return message.isTextual() ? message.asText() : body;
        } catch (IOException notJson) {
            return "the daemon answered " + response.getStatusCode() + ": " + body;
        }
    }

    private void read(InputStream body) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = JSON.readTree(line);
            String id = item.path("id").asText("");
            if (id.equals("moby.buildkit.trace")) {
                update(BuildKitStatus.decode(Base64.getDecoder().decode(item.path("aux").asText())));
            } else if (id.equals("moby.image.id")) {
                synchronized (this) {
                    imageId = item.path("aux").path("ID").asText(null);
                }
            } else if (item.has("errorDetail") || item.has("error")) {
                String message = item.path("errorDetail").path("message").asText(item.path("error").asText());
                synchronized (this) {
                    error = message;
                }
                line("ERROR: " + message);
            } else if (item.hasNonNull("stream")) {
                item.path("stream").asText().lines().filter(l -> !l.isBlank()).forEach(this::line);
            }
        }
    }

    private synchronized void update(BuildKitStatus status) {
        for (BuildKitStatus.Vertex v : status.vertexes()) {
            Step step = steps.get(v.digest());
            if (step == null) {
                steps.put(v.digest(), step = new Step(steps.size() + 1, v));
            } else {
                step.vertex = merged(step.vertex, v);
            }
            int was = phase(step);
            if (!step.announced && (step.vertex.started() != null || step.vertex.cached())) {
                step.announced = true;
                line("#" + step.number + " " + step.vertex.name());
            }
            if (step.announced && !step.ended && (step.finished() || !step.vertex.error().isEmpty())) {
                step.ended = true;
                flush(step);
                line("#" + step.number + " " + ending(step.vertex));
            }
            if (step.isDockerfileStep() && phase(step) != was) {
                progress(step);
            }
        }
        for (BuildKitStatus.Log log : status.logs()) {
            Step step = steps.get(log.vertex());
            if (step != null) {
                output(step, new String(log.message(), StandardCharsets.UTF_8));
            }
        }
        for (BuildKitStatus.Warning warning : status.warnings()) {
            line("WARNING: " + warning.text());
        }
    }

    /** 0 not started, 1 running, 2 ended. */
    private static int phase(Step step) {
        return step.ended ? 2 : step.announced ? 1 : 0;
    }

    /** A vertex sent again: later fields win, but a timestamp or flag once known is kept. */
    private static BuildKitStatus.Vertex merged(BuildKitStatus.Vertex was, BuildKitStatus.Vertex now) {
        return new BuildKitStatus.Vertex(was.digest(), now.inputs().isEmpty() ? was.inputs() : now.inputs(),
                now.name().isEmpty() ? was.name() : now.name(), was.cached() || now.cached(),
                now.started() != null ? now.started() : was.started(),
                now.completed() != null ? now.completed() : was.completed(),
                now.error().isEmpty() ? was.error() : now.error());
    }

    private static String ending(BuildKitStatus.Vertex v) {
        if (!v.error().isEmpty()) {
            return "ERROR: " + v.error();
        }
        if (v.cached()) {
            return "CACHED";
        }
        return String.format(java.util.Locale.ROOT, "DONE %.1fs", seconds(v));
    }

    private static double seconds(BuildKitStatus.Vertex v) {
        return v.started() == null || v.completed() == null ? 0
                : Duration.between(v.started(), v.completed()).toNanos() / 1e9;
    }

    /** Tells the listener which Dockerfile steps are running, and how far the build is. */
    private void progress(Step changed) {
        List<Step> dockerfileSteps = steps.values().stream().filter(Step::isDockerfileStep).toList();
        List<String> running = dockerfileSteps.stream().filter(s -> s.announced && !s.ended)
                .map(s -> s.vertex.name()).toList();
        long finished = dockerfileSteps.stream().filter(s -> s.ended).count();
        int at = (int) Math.min(dockerfileSteps.size(), finished + running.size());
        String what = running.isEmpty() ? changed.vertex.name() + (changed.vertex.cached() ? " (cached)" : " (done)")
                : running.size() == 1 ? running.get(0)
                : running.size() + " steps at once: " + String.join(" | ", running);
        listener.onStep(at, dockerfileSteps.size(), what);
    }

    /** A step's output, split into lines; a carriage return (a progress bar) keeps only what follows it. */
    private void output(Step step, String text) {
        step.partial.append(text);
        int nl;
        while ((nl = step.partial.indexOf("\n")) >= 0) {
            String raw = step.partial.substring(0, nl);
            step.partial.delete(0, nl + 1);
            stepLine(step, raw);
        }
    }

    private void flush(Step step) {
        if (step.partial.length() > 0) {
            stepLine(step, step.partial.toString());
            step.partial.setLength(0);
        }
    }

    private void stepLine(Step step, String raw) {
        String clean = ANSI.matcher(raw.substring(raw.lastIndexOf('\r', raw.length() - 2) + 1)).replaceAll("")
                .stripTrailing();
        step.output.addLast(clean);
        if (step.output.size() > FAILED_STEP_LINES) {
            step.output.removeFirst();
        }
        line("#" + step.number + " " + clean);
    }

    private void line(String line) {
        synchronized (this) {
            tail.addLast(line);
            if (tail.size() > LOG_TAIL_LINES) {
                tail.removeFirst();
            }
        }
        listener.onLine(line);
    }

    /**
     * The daemon's error, with the step that failed named and its last output repeated at the end
     * of the log (as docker build does); a base image no registry can give, said plainly.
     */
    private synchronized String explained(String daemonError) {
        Optional<Step> failed = steps.values().stream().filter(s -> !s.vertex.error().isEmpty()).findFirst();
        if (failed.isEmpty()) {
            return daemonError;
        }
        Step step = failed.get();
        String name = step.vertex.name();
        if (name.startsWith(METADATA) && DockerEngine.registryUnreachable(daemonError)) {
            return DockerEngine.pullFailure(name.substring(METADATA.length()), daemonError);
        }
        line("------");
        line(" > " + name + ":");
        step.output.forEach(l -> line(l.isEmpty() ? "" : "   " + l));
        line("------");
        String last = step.output.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        return "step " + name + " failed: " + daemonError.strip() + (last.isEmpty() ? "" : " (last output: " + last.strip() + ")");
    }

    private BuildOutcome outcome(BuildOutcome.Status status, String id, String message, double seconds) {
        synchronized (this) {
            return new BuildOutcome(status, Optional.ofNullable(id), Optional.ofNullable(message), timedSteps(),
                    seconds, List.copyOf(tail));
        }
    }

    /** The steps that ran or were cached, in the order they started, timed from the first start. */
    private List<BuildStep> timedSteps() {
        Instant end = Instant.now();
        List<BuildKitStatus.Vertex> ran = steps.values().stream().map(s -> s.vertex)
                .filter(v -> v.started() != null || v.cached())
                .sorted(Comparator.comparing((BuildKitStatus.Vertex v) -> v.started() == null ? Instant.MIN : v.started()))
                .toList();
        Instant first = ran.stream().map(BuildKitStatus.Vertex::started).filter(java.util.Objects::nonNull)
                .findFirst().orElse(end);
        List<BuildStep> timed = new ArrayList<>();
        for (BuildKitStatus.Vertex v : ran) {
            Instant from = v.started() == null ? first : v.started();
            Instant to = v.completed() != null ? v.completed() : v.cached() ? from : end;
            timed.add(new BuildStep(timed.size() + 1, v.name(), Duration.between(first, from).toNanos() / 1e9,
                    Math.max(0, Duration.between(from, to).toNanos() / 1e9), v.cached()));
        }
        return timed;
    }

    /**
     * Asks the daemon to stop the build, then closes the stream, off the caller's thread: the
     * caller may be the GUI, and closing a chunked stream can wait for the daemon to end it.
     */
    private void cancel(DockerHttpClient.Response response) {
        Thread stopper = new Thread(() -> {
            engine.cancelBuild(buildId);
            response.close();
        }, "slimlab-cancel-" + buildId);
        stopper.setDaemon(true);
        stopper.start();
    }

    /**
     * After a cancel: BuildKit keeps no intermediate images, but the export may have finished
     * before the cancel reached it. The image that carries all of this build's labels goes.
     */
    private String removeLeftovers() {
        try {
            List<String> made = null;
            for (Map.Entry<String, String> label : request.labels().entrySet()) {
                List<String> labelled = engine.imagesLabelled(label.getKey(), label.getValue());
                made = made == null ? new ArrayList<>(labelled) : new ArrayList<>(made.stream().filter(labelled::contains).toList());
            }
            if (imageId != null && (made == null || !made.contains(imageId))) {
                made = made == null ? new ArrayList<>() : made;
                made.add(imageId);
            }
            for (String image : made == null ? List.<String>of() : made) {
                engine.removeImage(image);
            }
            return "cancelled";
        } catch (EngineException e) {
            return "cancelled; could not remove what the build made: " + e.getMessage();
        }
    }
}
