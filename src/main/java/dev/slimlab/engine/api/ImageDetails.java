package dev.slimlab.engine.api;

import java.util.List;
import java.util.Map;

/**
 * What {@code docker image inspect} says of an image.
 *
 * @param id         {@code sha256:...}
 * @param tags       repository tags
 * @param sizeBytes  the daemon's {@code Size}
 * @param created    creation time as the daemon gives it (RFC 3339)
 * @param env        ENV of the image config, {@code NAME=value}
 * @param entrypoint ENTRYPOINT of the config
 * @param cmd        CMD of the config
 * @param user       USER
 * @param workingDir WORKDIR
 * @param exposedPorts exposed ports, e.g. {@code 8000/tcp}
 * @param labels     labels
 * @param volumes    VOLUME mount points
 * @param healthcheck the HEALTHCHECK test, e.g. {@code [CMD-SHELL, curl -f http://localhost/]}; empty when none
 */
public record ImageDetails(String id, List<String> tags, long sizeBytes, String created, List<String> env,
                           List<String> entrypoint, List<String> cmd, String user, String workingDir,
                           List<String> exposedPorts, Map<String, String> labels, List<String> volumes,
                           List<String> healthcheck) {

    public ImageDetails {
        tags = List.copyOf(tags);
        env = List.copyOf(env);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        exposedPorts = List.copyOf(exposedPorts);
        labels = Map.copyOf(labels);
        volumes = List.copyOf(volumes);
        healthcheck = List.copyOf(healthcheck);
    }
}
