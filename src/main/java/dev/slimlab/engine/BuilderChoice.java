package dev.slimlab.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.BuilderException;
import dev.slimlab.engine.api.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which builder a build gets on one daemon. {@code AUTO} follows the daemon: Docker 23 and later
 * name their default builder in the {@code Builder-Version} header of {@code /_ping}; older
 * daemons send none, and BuildKit is used where a probe finds it. The answers are asked once.
 */
final class BuilderChoice {

    private final DockerEngine engine;
    private final DockerHttpClient http;
    private Builder defaultBuilder;
    /** Empty when BuildKit answers; else why not. */
    private Optional<String> noBuildKit;

    BuilderChoice(DockerEngine engine, DockerHttpClient http) {
        this.engine = engine;
        this.http = http;
    }

    synchronized Builder resolve(Builder requested) throws EngineException {
        switch (requested) {
            case CLASSIC:
                return Builder.CLASSIC;
            case BUILDKIT:
                Optional<String> why = whyNoBuildKit();
                if (why.isPresent()) {
                    throw new BuilderException("the daemon at " + engine.host() + " does not offer BuildKit ("
                            + why.get() + "): build with the classic builder (--builder classic), or with auto"
                            + " to use whichever builder the daemon offers");
                }
                return Builder.BUILDKIT;
            default:
                if (defaultBuilder == null) {
                    defaultBuilder = pingHeader().orElseGet(() -> Builder.AUTO);
                }
                if (defaultBuilder != Builder.AUTO) {
                    return defaultBuilder;
                }
                return whyNoBuildKit().isEmpty() ? Builder.BUILDKIT : Builder.CLASSIC;
        }
    }

    /** The daemon's default builder, when its {@code /_ping} names one. */
    private Optional<Builder> pingHeader() throws EngineException {
        try (DockerHttpClient.Response ping = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build())) {
            String version = ping.getHeader("Builder-Version");
            return "2".equals(version) ? Optional.of(Builder.BUILDKIT)
                    : "1".equals(version) ? Optional.of(Builder.CLASSIC) : Optional.empty();
        } catch (RuntimeException e) {
            throw engine.unreachable("ask the daemon which builder it uses", e);
        }
    }

    /**
     * Asks BuildKit to build a Dockerfile with no instructions: a daemon with BuildKit answers
     * with its status stream (and an error; nothing is made), one without refuses the request.
     */
    private Optional<String> whyNoBuildKit() throws EngineException {
        if (noBuildKit == null) {
            try (DockerHttpClient.Response probe = http.execute(DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST).path("/build?version=2&dockerfile=Dockerfile")
                    .putHeader("Content-Type", "application/x-tar")
                    .bodyBytes("# SlimLab asks whether BuildKit answers\n".getBytes(StandardCharsets.UTF_8))
                    .build())) {
                String first = new String(probe.getBody().readNBytes(400), StandardCharsets.UTF_8).strip();
                noBuildKit = probe.getStatusCode() == 200 && first.contains("moby.buildkit.trace") ? Optional.empty()
                        : Optional.of("a BuildKit build was refused: " + first);
            } catch (IOException e) {
                throw new EngineException("cannot ask the daemon at " + engine.host() + " whether it offers BuildKit: "
                        + DockerEngine.message(e), e);
            } catch (RuntimeException e) {
                throw engine.unreachable("ask the daemon whether it offers BuildKit", e);
            }
        }
        return noBuildKit;
    }
}
