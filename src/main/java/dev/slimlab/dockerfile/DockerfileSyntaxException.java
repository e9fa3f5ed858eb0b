package dev.slimlab.dockerfile;

/** A Dockerfile that BuildKit would reject, with the 1-based line the problem starts on. */
public final class DockerfileSyntaxException extends Exception {

    private final int line;
    private final String reason;

    public DockerfileSyntaxException(int line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    /** The 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
