package dev.slimlab.engine.api;



/**
 * A container left running (to be probed over HTTP). Closing it removes it, with whatever it wrote.
 */
public interface RunningContainer extends AutoCloseable {

    String id();

    /** Where the published port is reached from here, e.g. {@code 127.0.0.1}. */
    String host();

    /** The host port the container's published port is mapped to. */
    int port();

    /** True while its main process runs. */
    boolean running() throws EngineException;

    /** What it wrote so far to stdout and stderr, interleaved, at most {@link ContainerRun#MAX_OUTPUT_CHARS}. */
    String logs() throws EngineException;

    /** Removes the container; never throws. */
    @Override
    void close();
}
