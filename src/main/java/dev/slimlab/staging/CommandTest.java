package dev.slimlab.staging;

import java.util.List;
import java.util.Objects;

/**
 * Runs {@code command args...} in a fresh container (after the {@code setup} commands, followed
 * by the {@code teardown} commands) and checks its exit code and output. The expected and
 * excluded entries are regular expressions searched for anywhere in standard output or standard
 * error; the loader has checked that each one compiles.
 */
public record CommandTest(
        String name,
        String command,
        List<String> args,
        List<EnvVar> envVars,
        List<List<String>> setup,
        List<List<String>> teardown,
        List<String> expectedOutput,
        List<String> excludedOutput,
        List<String> expectedError,
        List<String> excludedError,
        int exitCode) {

    /** The exit code expected when a test names none. */
    public static final int DEFAULT_EXIT_CODE = 0;

    public CommandTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
        envVars = List.copyOf(envVars);
        setup = setup.stream().map(List::copyOf).toList();
        teardown = teardown.stream().map(List::copyOf).toList();
        expectedOutput = List.copyOf(expectedOutput);
        excludedOutput = List.copyOf(excludedOutput);
        expectedError = List.copyOf(expectedError);
        excludedError = List.copyOf(excludedError);
    }
}
