package dev.slimlab.engine.api;



/**
 * The daemon an engine talks to.
 *
 * @param host          where it is reached ({@code unix:///var/run/docker.sock}, {@code tcp://...})
 * @param engineVersion the Docker Engine version, e.g. {@code 20.10.24}
 * @param apiVersion    the Engine API version, e.g. {@code 1.41}
 * @param os            the daemon's OS/architecture, e.g. {@code linux/amd64}
 */
public record EngineInfo(String host, String engineVersion, String apiVersion, String os) {
}
