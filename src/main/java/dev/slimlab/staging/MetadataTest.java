package dev.slimlab.staging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the image configuration. Lists are "must contain" (for {@code unexposedPorts}: "must not
 * contain"); {@code entrypoint} and {@code cmd} are compared whole when present, and an empty
 * list means "must be empty"; {@code workdir} and {@code user} are compared when present.
 */
public record MetadataTest(
        List<EnvVar> envVars,
        List<Label> labels,
        List<String> exposedPorts,
        List<String> unexposedPorts,
        List<String> volumes,
        Optional<List<String>> entrypoint,
        Optional<List<String>> cmd,
        Optional<String> workdir,
        Optional<String> user) {

    public MetadataTest {
        envVars = List.copyOf(envVars);
        labels = List.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
        unexposedPorts = List.copyOf(unexposedPorts);
        volumes = List.copyOf(volumes);
        entrypoint = entrypoint.map(List::copyOf);
        cmd = cmd.map(List::copyOf);
        Objects.requireNonNull(workdir, "workdir");
        Objects.requireNonNull(user, "user");
    }
}
