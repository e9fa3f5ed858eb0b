package dev.slimlab.experiment;

import java.util.Objects;

/**
 * One staging test run on one image.
 *
 * @param kind    {@code command}, {@code fileExistence}, {@code fileContent}, {@code metadata} or {@code http}
 * @param name    the test's name from the suite
 * @param status  passed, failed (an expectation not met) or error (the test could not run)
 * @param seconds how long it took
 * @param message why it failed or could not run, one reason per line; "" when it passed
 * @param output  an excerpt of what the container printed (the end, when long)
 */
public record TestOutcome(String kind, String name, Status status, double seconds, String message, String output) {

    /** The most of a test's output a result keeps: the end, where the errors are. */
    public static final int MAX_OUTPUT_CHARS = 4000;

    public enum Status { PASSED, FAILED, ERROR }

    public TestOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        output = excerpt(Objects.requireNonNull(output, "output"));
    }

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** The end of {@code text}, at most {@link #MAX_OUTPUT_CHARS}, marked when cut. */
    public static String excerpt(String text) {
        if (text.length() <= MAX_OUTPUT_CHARS) {
            return text;
        }
        String marker = "[... " + (text.length() - MAX_OUTPUT_CHARS) + " characters cut ...]\n";
        return marker + text.substring(text.length() - MAX_OUTPUT_CHARS);
    }
}
