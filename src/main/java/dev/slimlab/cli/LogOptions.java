package dev.slimlab.cli;

import dev.slimlab.logging.Logging;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The root command's log options, and the execution strategy that applies them around a command. */
final class LogOptions {

    @Option(names = "--verbose", description = "Log the conversation with the Docker daemon on standard error.")
    boolean verbose;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Write the conversation with the Docker daemon to FILE (replaced), with or without --verbose.")
    Path logFile;

    /** Runs the chosen command with the log these options ask for, then goes back to quiet. */
    static int execute(ParseResult parsed) {
        CommandLine root = parsed.commandSpec().commandLine();
        LogOptions options = ((SlimLabCommand) root.getCommand()).logOptions;
        try (Logging.Session log = Logging.start(root.getErr(), options.verbose, options.logFile)) {
            return new CommandLine.RunLast().execute(parsed);
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "its folder does not exist"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new ParameterException(root, "cannot write the log file " + options.logFile + ": " + reason);
        }
    }
}
