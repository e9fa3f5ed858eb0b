package dev.slimlab.cli;

import dev.slimlab.app.EngineFactory;
import dev.slimlab.app.ExperimentService;
import dev.slimlab.optimize.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The root {@code slimlab} command; each feature of the command line is a subcommand. */
@Command(
        name = "slimlab",
        mixinStandardHelpOptions = true,
        versionProvider = SlimLabCommand.VersionProvider.class,
        description = "A lab for slimmer Docker images: build optimized variants, compare them.",
        subcommands = {ParseCommand.class, LintCommand.class, ApplyCommand.class, RunCommand.class,
            TestCommand.class, ParityCommand.class, ReportCommand.class, CleanCommand.class, HelpCommand.class})
public final class SlimLabCommand implements Callable<Integer> {

    /** Exit code for bad usage (unknown option, missing parameter, missing subcommand). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a command that failed while running. */
    public static final int EXIT_FAILURE = 1;

    @Mixin
    LogOptions logOptions;

    @Spec
    CommandSpec spec;

    private final EngineFactory engines;
    private final ExperimentService service;

    SlimLabCommand(EngineFactory engines) {
        this.engines = engines;
        this.service = new ExperimentService(Catalog.standard(), engines);
    }

    /** The engine every subcommand talks to. */
    EngineFactory engines() {
        return engines;
    }

    /** The experiment service the subcommands share. */
    ExperimentService service() {
        return service;
    }

    /** Runs the command line with the process's stdout and stderr and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return run(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs the command line writing to the given streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return newCommandLine(out, err).execute(args);
    }

    /** Builds the configured {@link CommandLine}: short usage errors, no stack traces. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, EngineFactory.docker());
    }

    /** The command line over the given engines (a fake one in tests). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, EngineFactory engines) {
        CommandLine commandLine = new CommandLine(new SlimLabCommand(engines));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(new ShortUsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new ShortFailureHandler());
        commandLine.setExecutionStrategy(LogOptions::execute);
        return commandLine;
    }

    /** {@code slimlab} with no subcommand: show the usage and report bad usage. */
    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        commandLine.getErr().println("slimlab: missing command");
        commandLine.usage(commandLine.getErr());
        return EXIT_USAGE;
    }

    /** Reads the version that Maven writes into {@code dev/slimlab/version.properties}. */
    public static final class VersionProvider implements IVersionProvider {

        static final String RESOURCE = "/dev/slimlab/version.properties";

        @Override
        public String[] getVersion() {
            return new String[] {"slimlab " + version()};
        }

        public static String version() {
            try (InputStream in = SlimLabCommand.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return "unknown";
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Bad usage: the message, a suggestion if there is one, and a hint; exit code 2. */
    static final class ShortUsageErrorHandler implements IParameterExceptionHandler {

        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine commandLine = ex.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getColorScheme().errorText(ex.getMessage()));
            UnmatchedArgumentException.printSuggestions(ex, err);
            err.printf("Try '%s --help' for more information.%n",
                    commandLine.getCommandSpec().qualifiedName());
            err.flush();
            return EXIT_USAGE;
        }
    }

    /** A command threw: one line with the reason, never a stack trace; exit code 1. */
    static final class ShortFailureHandler implements IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine,
                ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            String reason = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName();
            err.println(commandLine.getColorScheme().errorText(
                    commandLine.getCommandSpec().qualifiedName() + ": " + reason));
            err.flush();
            return EXIT_FAILURE;
        }
    }
}
