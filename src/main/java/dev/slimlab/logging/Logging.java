package dev.slimlab.logging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where log lines go. docker-java and its HTTP client log through SLF4J, which slf4j-jdk14 binds
 * to java.util.logging; this configures that: warnings only by default, and on request the
 * conversation with the Docker daemon at debug level, on standard error or in a file.
 */
public final class Logging {

    /** docker-java's commands, the HTTP client's requests and headers, and SlimLab's own lines. */
    private static final List<Logger> CONVERSATION = List.of(Logger.getLogger("com.github.dockerjava"),
            Logger.getLogger("org.apache.hc.client5.http"), Logger.getLogger("dev.slimlab"));
    /** Every byte on the wire, build contexts and image tars included: too much even for --verbose. */
    private static final Logger WIRE = Logger.getLogger("org.apache.hc.client5.http.wire");
    /**
     * docker-java reports every failed call here (a base image that cannot be pulled, a build
     * that fails) as an error, with its trace; SlimLab catches each and says it in words, so
     * outside the conversation it is not shown twice.
     */
    private static final Logger CALLBACK_ERRORS = Logger.getLogger("com.github.dockerjava.api.async.ResultCallbackTemplate");
    private static final Logger ROOT = Logger.getLogger("");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private Logging() {
    }

    /** What a session set up; closing it goes back to {@link #quiet()}. */
    public interface Session extends AutoCloseable {
        @Override
        void close();
    }

    /** Warnings and errors only, to standard error (as it is when the line is written): the default. */
    public static synchronized void quiet() {
        use(new WriterHandler(() -> new PrintWriter(System.err, true), Level.WARNING, false), null, false);
    }

    /**
     * Logs to {@code console} warnings only or, when {@code verbose}, the daemon conversation at
     * debug level too; a {@code logFile} (may be null) gets that conversation whatever
     * {@code verbose} says, with stack traces. The file is replaced.
     */
    public static synchronized Session start(PrintWriter console, boolean verbose, Path logFile) throws IOException {
        WriterHandler file = null;
        if (logFile != null) {
            PrintWriter writer = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
            file = new WriterHandler(() -> writer, Level.ALL, true);
        }
        use(new WriterHandler(() -> console, verbose ? Level.ALL : Level.WARNING, false), file, verbose || file != null);
        return Logging::quiet;
    }

    private static void use(WriterHandler console, WriterHandler file, boolean conversation) {
        for (Handler old : ROOT.getHandlers()) {
            ROOT.removeHandler(old);
            old.close();
        }
        ROOT.setLevel(Level.WARNING);
        ROOT.addHandler(console);
        if (file != null) {
            ROOT.addHandler(file);
        }
        for (Logger logger : CONVERSATION) {
            logger.setLevel(conversation ? Level.FINE : null);
        }
        WIRE.setLevel(Level.WARNING);
        CALLBACK_ERRORS.setLevel(conversation ? null : Level.OFF);
    }

    /** One line per record: time, level in SLF4J's words, logger and message. */
    private static final class WriterHandler extends Handler {

        private final Supplier<PrintWriter> out;
        private final boolean isFile;

        /** A log file's handler owns its writer and writes stack traces; a console's does neither. */
        WriterHandler(Supplier<PrintWriter> out, Level level, boolean isFile) {
            this.out = out;
            this.isFile = isFile;
            setLevel(level);
            setFormatter(new LineFormatter(isFile));
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (isLoggable(record)) {
                PrintWriter writer = out.get();
                writer.print(getFormatter().format(record));
                writer.flush();
            }
        }

        @Override
        public void flush() {
            out.get().flush();
        }

        @Override
        public synchronized void close() {
            if (isFile) {
                out.get().close();
            } else {
                flush();
            }
        }
    }

    private static final class LineFormatter extends Formatter {

        private final boolean stackTraces;

        LineFormatter(boolean stackTraces) {
            this.stackTraces = stackTraces;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder().append(TIME.format(Instant.ofEpochMilli(record.getMillis())))
                    .append(' ').append(levelName(record.getLevel())).append(' ').append(record.getLoggerName())
                    .append(": ").append(formatMessage(record));
            Throwable thrown = record.getThrown();
            if (thrown != null && stackTraces) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            } else if (thrown != null) {
                line.append(" (").append(thrown).append(')');
            }
            return line.append(System.lineSeparator()).toString();
        }

        private static String levelName(Level level) {
            int value = level.intValue();
            return value >= Level.SEVERE.intValue() ? "ERROR"
                    : value >= Level.WARNING.intValue() ? "WARN"
                    : value >= Level.INFO.intValue() ? "INFO"
                    : value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
        }
    }
}
