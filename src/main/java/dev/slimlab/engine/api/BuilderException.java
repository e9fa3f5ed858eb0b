package dev.slimlab.engine.api;

/**
 * The daemon answers, but its builder cannot build what was asked (BuildKit syntax on the
 * classic builder, a secret mount without a session, BuildKit asked of a daemon without it):
 * nothing was built, and the message says why and what to do.
 */
public final class BuilderException extends EngineException {

    public BuilderException(String message) {
        super(message);
    }
}
