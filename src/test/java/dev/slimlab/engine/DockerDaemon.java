package dev.slimlab.engine;

import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.EngineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests that need a real Docker daemon use this extension: without a reachable daemon they are
 * skipped, loudly, except under {@code CI=true}, where a missing daemon is a failure.
 */
public final class DockerDaemon implements BeforeAllCallback {

    /** A tiny image made here from Debian's static busybox (nothing can be pulled on these machines). */
    public static final String BUSYBOX = "slimlab-test/busybox:latest";

    private static EngineInfo info;
    private static String problem;

    @Override
    public void beforeAll(ExtensionContext context) {
        require();
    }

    /** Skips (or, on CI, fails) the calling test class unless a daemon answers. */
    public static synchronized EngineInfo require() {
        if (info == null && problem == null) {
            try (DockerEngine engine = new DockerEngine()) {
                info = engine.ping();
            } catch (EngineException e) {
                problem = e.getMessage();
            }
        }
        if (info != null) {
            return info;
        }
        String message = "SKIPPED: tests that need a Docker daemon do not run here: " + problem;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true and no Docker daemon: " + problem);
        }
        System.err.println("!!! " + message);
        Assumptions.abort(message);
        return null;
    }

    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
    private static final String GROUP = "root:x:0:\nnogroup:x:65534:\n";

    /** The bytes of the regular files in {@link #BUSYBOX}: the binary and the two /etc files. */
    public static long busyboxFileBytes() throws IOException {
        return Files.size(Path.of("/bin/busybox")) + PASSWD.length() + GROUP.length();
    }

    /** Bumped when the image's contents change, so that an older one on the machine is rebuilt. */
    private static final String BUSYBOX_REVISION = "2";

    /**
     * Makes {@link #BUSYBOX} from /bin/busybox (Debian's busybox-static) unless it exists: every
     * applet linked in /bin, a root and a nobody user, and an empty /tmp.
     */
    public static synchronized void ensureBusybox(DockerEngine engine) throws Exception {
        if (engine.exists(BUSYBOX)
                && BUSYBOX_REVISION.equals(engine.inspect(BUSYBOX).labels().get("dev.slimlab.fixture.revision"))) {
            return;
        }
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isRegularFile(busybox)) {
            String message = "/bin/busybox is missing: install Debian's busybox-static (the CI script does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        Path root = Files.createTempDirectory("slimlab-busybox-");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("tmp"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), PASSWD);
        Files.writeString(root.resolve("etc/group"), GROUP);
        Files.copy(busybox, root.resolve("bin/busybox"));
        for (String applet : output(List.of("/bin/busybox", "--list")).lines().map(String::strip).toList()) {
            if (!applet.isEmpty() && !applet.equals("busybox")) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
            }
        }
        output(List.of("sh", "-c", "chmod 1777 '" + root + "/tmp' && tar -C '" + root + "' -c . | docker import "
                + "--change 'CMD [\"/bin/sh\"]' --change 'ENV PATH=/bin' --change 'LABEL dev.slimlab.fixture=true' "
                + "--change 'LABEL dev.slimlab.fixture.revision=" + BUSYBOX_REVISION + "' - " + BUSYBOX));
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
