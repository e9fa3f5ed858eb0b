package dev.slimlab.app;

import dev.slimlab.engine.DockerEngine;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageEngine;

/** Opens a connection to an engine: the local Docker daemon in the app and the CLI, a fake in tests. */
@FunctionalInterface
public interface EngineFactory {

    ImageEngine open() throws EngineException;

    /** The daemon the docker CLI would talk to (DOCKER_HOST, or the local socket). */
    static EngineFactory docker() {
        return DockerEngine::new;
    }
}
