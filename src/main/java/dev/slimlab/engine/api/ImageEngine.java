package dev.slimlab.engine.api;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What SlimLab asks of a container engine. The runner and the staging tests depend on this;
 * {@code dev.slimlab.engine.DockerEngine} implements it with docker-java. Every method may be
 * slow (a daemon call): never call one on the GUI thread.
 */
public interface ImageEngine extends AutoCloseable {

    /** Reaches the daemon, with a short time-out, and says which it is. */
    EngineInfo ping() throws EngineException;

    /**
     * The builder a build asked for {@code requested} gets on this daemon: BuildKit or the
     * classic builder. {@code AUTO} is BuildKit where the daemon offers it, else the classic
     * builder; {@code BUILDKIT} on a daemon without it is an error that says so.
     */
    Builder resolve(Builder requested) throws EngineException;

    /**
     * Why the daemon could not pull {@code image} from its registry now (it asks the registry
     * for the image's manifest, pulling nothing); empty when it could.
     */
    Optional<String> whyNotPullable(String image) throws EngineException;

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

    /**
     * Runs a container to its end and removes it: always, also after a time-out, on cancel or when
     * something fails. Output is kept up to {@link ContainerRun#MAX_OUTPUT_CHARS} per stream.
     */
    ContainerRun run(ContainerSpec spec, Cancellation cancellation) throws EngineException;

    /**
     * Starts a container that keeps running, with {@code spec.publishedPort()} published on the
     * loopback address; closing the handle removes it. The caller must close it.
     */
    RunningContainer start(ContainerSpec spec) throws EngineException;

    /**
     * Reads {@code path} from the image's filesystem without running anything: what it is and up
     * to {@code maxContentBytes} of its contents; empty when no such path exists. Symbolic links
     * are not followed. {@code labels} go on the short-lived container this needs.
     */
    Optional<ImageFile> readFile(String image, String path, int maxContentBytes,
                                           Map<String, String> labels) throws EngineException;

    /** Removes an image (forced: its tags go too); no error if it is already gone. */
    void removeImage(String image) throws EngineException;

    /** Removes a container (forced, with its anonymous volumes); no error if it is already gone. */
    void removeContainer(String container) throws EngineException;

    /**
     * Removes every container and image carrying {@code label=value} (any value when null), child
     * images before their parents, and says how many images went.
     */
    default int removeLabelled(String label, String value) throws EngineException {
        for (String container : containersLabelled(label, value)) {
            removeContainer(container);
        }
        java.util.List<String> left = new java.util.ArrayList<>(imagesLabelled(label, value));
        int removed = 0;
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            progress = false;
            EngineException last = null;
            for (java.util.Iterator<String> it = left.iterator(); it.hasNext(); ) {
                String image = it.next();
                try {
                    removeImage(image);
                    it.remove();
                    removed++;
                    progress = true;
                } catch (EngineException e) {
                    last = e; // a parent of an image still there: its turn comes in a later pass
                }
            }
            if (!progress && last != null) {
                throw last;
            }
        }
        return removed;
    }

    /** Ids of the images carrying {@code label=value} (any value when {@code value} is null). */
    List<String> imagesLabelled(String label, String value) throws EngineException;

    /** Ids of the containers (running or not) carrying {@code label=value} (any value when null). */
    List<String> containersLabelled(String label, String value) throws EngineException;

    @Override
    void close();
}
