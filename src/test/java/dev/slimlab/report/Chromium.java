package dev.slimlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, to open a report as a reader would. Without it, tests that need
 * it are skipped loudly, except under {@code CI=true}, where a missing browser is a failure.
 */
final class Chromium {

    /** What the browser made of a page: the DOM after load, and every console message it logged. */
    record Page(String dom, List<String> console) {
    }

    private Chromium() {
    }

    static Path require() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String message = "SKIPPED: no headless Chromium here (Debian package chromium)";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + message);
        }
        System.err.println("!!! " + message);
        Assumptions.abort(message);
        return null;
    }

    /** Loads {@code file} and returns the DOM it settles to and the console messages. */
    static Page open(Path file) throws IOException, InterruptedException {
        Path browser = require();
        Path profile = Files.createTempDirectory("slimlab-chromium-");
        Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                file.toUri().toString()).redirectError(profile.resolve("stderr.txt").toFile()).start();
        String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish loading " + file + " within 120 s");
        }
        List<String> console = Files.readAllLines(profile.resolve("stderr.txt")).stream()
                .filter(line -> line.contains(":CONSOLE")).toList();
        return new Page(dom, console);
    }
}
