package dev.slimlab.engine.api;

/**
 * The daemon an engine talks to, and the builder an experiment used on it.
 *
 * @param host          where it is reached ({@code unix:///var/run/docker.sock}, {@code tcp://...})
 * @param engineVersion the Docker Engine version, e.g. {@code 20.10.24}
 * @param apiVersion    the Engine API version, e.g. {@code 1.41}
 * @param os            the daemon's OS/architecture, e.g. {@code linux/amd64}
 * @param builder       the builder that built the images: {@code BUILDKIT} or {@code CLASSIC};
 *                      {@code AUTO} when none was chosen yet (a plain ping)
 */
public record EngineInfo(String host, String engineVersion, String apiVersion, String os, Builder builder) {

    public EngineInfo withBuilder(Builder value) {
        return new EngineInfo(host, engineVersion, apiVersion, os, value);
    }
}
