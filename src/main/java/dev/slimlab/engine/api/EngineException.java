package dev.slimlab.engine.api;



/** The Docker daemon could not do what was asked; the message says what and what to do. */
public class EngineException extends Exception {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
