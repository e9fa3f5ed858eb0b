package dev.slimlab.experiment;

import java.io.InputStream;
import java.util.List;

/**
 * What SlimLab asks of a container engine. The runner and the staging tests depend on this;
 * {@code dev.slimlab.engine.DockerEngine} implements it with docker-java. Every method may be
 * slow (a daemon call): never call one on the GUI thread.
 */
public interface ImageEngine extends AutoCloseable {

    /** Reaches the daemon, with a short time-out, and says which it is. */
    EngineInfo ping() throws EngineException;

    /**
     * Builds an image, streaming the log to {@code listener}. A build that fails is an outcome,
     * not an exception; {@code cancellation} stops it and removes what it left behind.
     */
    BuildOutcome build(BuildRequest request, BuildListener listener, Cancellation cancellation) throws EngineException;

    /** {@code docker image inspect}. */
    ImageDetails inspect(String image) throws EngineException;

    /** {@code docker history}, newest layer first, as the daemon gives it. */
    List<LayerHistory> history(String image) throws EngineException;

    /** {@code docker save} of one image, as a stream the caller closes. */
    InputStream save(String image) throws EngineException;

    /**
     * Measures an image from its saved archive, in one streamed pass: efficiency and wasted
     * bytes, compressed (pull) size at the gzip {@code compressionLevel}, installed packages.
     */
    ImageArchiveAnalysis analyze(String image, int compressionLevel) throws EngineException;

    /** True if the daemon has an image of that name or id. */
    boolean exists(String image) throws EngineException;

    /** Removes an image (forced: its tags go too); no error if it is already gone. */
    void removeImage(String image) throws EngineException;

    /** Ids of the images carrying {@code label=value}. */
    List<String> imagesLabelled(String label, String value) throws EngineException;

    /** Ids of the containers (running or not) carrying {@code label=value}. */
    List<String> containersLabelled(String label, String value) throws EngineException;

    @Override
    void close();
}
