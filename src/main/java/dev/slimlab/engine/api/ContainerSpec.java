package dev.slimlab.engine.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container SlimLab runs to test an image, and the limits it runs under: never privileged, no
 * host mounts, no new privileges, network off unless {@code network}, bounded memory, CPU and
 * processes, stopped after {@code timeout}. The engine removes it when it is done, whatever
 * happened.
 *
 * @param image          the image to run
 * @param entrypoint     replaces the image's ENTRYPOINT when present (an empty list clears it)
 * @param cmd            replaces the image's CMD when present
 * @param env            {@code NAME=value} added to (and overriding) the image's ENV
 * @param network        true to attach the default bridge network; false runs with none
 * @param publishedPort  a container TCP port to publish on the loopback address (needs network)
 * @param memoryBytes    memory limit (swap included)
 * @param nanoCpus       CPU limit in billionths of a CPU
 * @param labels         labels on the container (and on the image when {@code commit})
 * @param timeout        how long it may run before it is killed
 * @param commit         keep the container's filesystem as a new image, labelled, for a next step
 */
public record ContainerSpec(String image, Optional<List<String>> entrypoint, Optional<List<String>> cmd,
                            List<String> env, boolean network, Optional<Integer> publishedPort, long memoryBytes,
                            long nanoCpus, Map<String, String> labels, Duration timeout, boolean commit) {

    public static final long DEFAULT_MEMORY_BYTES = 1L << 30;
    public static final long DEFAULT_NANO_CPUS = 1_000_000_000L;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        entrypoint = entrypoint.map(List::copyOf);
        cmd = cmd.map(List::copyOf);
        env = List.copyOf(env);
        Objects.requireNonNull(publishedPort, "publishedPort");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(timeout, "timeout");
        if (publishedPort.isPresent() && !network) {
            throw new IllegalArgumentException("publishing a port needs the network");
        }
    }

    /** The image as it is: its own entrypoint and command, no network, default limits. */
    public static ContainerSpec of(String image) {
        return new ContainerSpec(image, Optional.empty(), Optional.empty(), List.of(), false, Optional.empty(),
                DEFAULT_MEMORY_BYTES, DEFAULT_NANO_CPUS, Map.of(), DEFAULT_TIMEOUT, false);
    }

    /** Runs {@code command} with the image's entrypoint cleared, as container-structure-test does. */
    public ContainerSpec withCommand(List<String> command) {
        return new ContainerSpec(image, Optional.of(List.of()), Optional.of(command), env, network, publishedPort,
                memoryBytes, nanoCpus, labels, timeout, commit);
    }

    public ContainerSpec withImage(String other) {
        return new ContainerSpec(other, entrypoint, cmd, env, network, publishedPort, memoryBytes, nanoCpus, labels,
                timeout, commit);
    }

    public ContainerSpec withEnv(List<String> variables) {
        return new ContainerSpec(image, entrypoint, cmd, variables, network, publishedPort, memoryBytes, nanoCpus,
                labels, timeout, commit);
    }

    public ContainerSpec withLabels(Map<String, String> values) {
        return new ContainerSpec(image, entrypoint, cmd, env, network, publishedPort, memoryBytes, nanoCpus, values,
                timeout, commit);
    }

    public ContainerSpec withTimeout(Duration limit) {
        return new ContainerSpec(image, entrypoint, cmd, env, network, publishedPort, memoryBytes, nanoCpus, labels,
                limit, commit);
    }

    public ContainerSpec withLimits(long memory, long cpus) {
        return new ContainerSpec(image, entrypoint, cmd, env, network, publishedPort, memory, cpus, labels, timeout,
                commit);
    }

    /** Attaches the network and publishes {@code port} on the loopback address. */
    public ContainerSpec publishing(int port) {
        return new ContainerSpec(image, entrypoint, cmd, env, true, Optional.of(port), memoryBytes, nanoCpus, labels,
                timeout, commit);
    }

    public ContainerSpec committing() {
        return new ContainerSpec(image, entrypoint, cmd, env, network, publishedPort, memoryBytes, nanoCpus, labels,
                timeout, true);
    }
}
