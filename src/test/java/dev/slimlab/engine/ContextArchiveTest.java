package dev.slimlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextArchiveTest {

    @TempDir
    Path tmp;

    /** A context with a bit of everything; see the comments for what each file is for. */
    private Path sampleContext() throws IOException {
        Path ctx = Files.createDirectory(tmp.resolve("ctx"));
        write(ctx, "Dockerfile", "FROM scratch\nCOPY . /app\n", "rw-r-----");
        // Excludes the Dockerfile and itself too: both must still be sent.
        write(ctx, ".dockerignore", "*.log\n**/*.log\nsecret\n!secret/keep.txt\nnode_modules\nDockerfile\n.dockerignore\n",
                "rw-r--r--");
        dir(ctx, "app", "rwxr-xr-x");
        write(ctx, "app/main.py", "print('hi')\n", "rw-r--r--");
        write(ctx, "app/run.sh", "#!/bin/sh\nexec python3 main.py\n", "rwxr-xr-x");
        write(ctx, "app/debug.log", "noise\n", "rw-r--r--");
        dir(ctx, "secret", "rwx------");
        write(ctx, "secret/key.pem", "-----BEGIN-----\n", "rw-------");
        write(ctx, "secret/keep.txt", "kept\n", "rw-r--r--");
        Files.createDirectories(ctx.resolve("node_modules/pkg"));
        write(ctx, "node_modules/pkg/index.js", "module.exports = 1\n", "rw-r--r--");
        dir(ctx, "empty", "rwx------");
        Files.createSymbolicLink(ctx.resolve("link-inside"), Paths.get("app/main.py"));
        Files.createSymbolicLink(ctx.resolve("link-outside"), Paths.get("../../../etc/passwd"));
        Files.createSymbolicLink(ctx.resolve("abs-link"), Paths.get("/etc/hostname"));
        Files.createSymbolicLink(ctx.resolve("app-link"), Paths.get("app"));
        Files.setLastModifiedTime(ctx.resolve("app/main.py"), FileTime.from(Instant.parse("2021-03-04T05:06:07.890Z")));
        return ctx;
    }

    @Test
    void sendsWhatDockerWouldInWalkOrderWithModesAndLinks() throws IOException {
        Path ctx = sampleContext();
        boolean fifo = mkfifo(ctx.resolve("fifo"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive.Summary summary = ContextArchive.of(ctx).writeTo(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> contents = read(out.toByteArray(), entries);

        // Go's WalkDir order: each folder's names sorted, a folder's content right after it.
        assertThat(entries.keySet()).containsExactly(
                ".dockerignore", "Dockerfile", "abs-link", "app/", "app/main.py", "app/run.sh", "app-link",
                "empty/", "link-inside", "link-outside", "secret/keep.txt");
        // "secret/" itself is excluded (only keep.txt is re-included), node_modules is skipped
        // whole, *.log and the fifo are left out.

        assertThat(mode(entries.get("app/run.sh"))).isEqualTo(0755);
        assertThat(mode(entries.get("app/main.py"))).isEqualTo(0644);
        assertThat(mode(entries.get("Dockerfile"))).isEqualTo(0640);
        assertThat(mode(entries.get("empty/"))).isEqualTo(0700);
        assertThat(entries.get("empty/").getMode()).as("no file type bits, as the docker CLI").isEqualTo(0700);
        assertThat(entries.get("app/run.sh").getMode()).isEqualTo(0755);
        assertThat(entries.get("app/").isDirectory()).isTrue();
        assertThat(entries.get("app/run.sh").isFile()).isTrue();

        assertThat(entries.get("link-inside").isSymbolicLink()).isTrue();
        assertThat(entries.get("link-inside").getLinkName()).isEqualTo("app/main.py");
        assertThat(entries.get("link-outside").isSymbolicLink()).isTrue();
        assertThat(entries.get("link-outside").getLinkName()).isEqualTo("../../../etc/passwd");
        assertThat(entries.get("abs-link").getLinkName()).isEqualTo("/etc/hostname");
        assertThat(entries.get("app-link").isSymbolicLink()).as("a link to a folder is not followed").isTrue();
        assertThat(entries.get("app-link").getSize()).isZero();

        for (TarArchiveEntry e : entries.values()) {
            assertThat(e.getLongUserId()).as(e.getName()).isZero();
            assertThat(e.getLongGroupId()).as(e.getName()).isZero();
            assertThat(e.getUserName()).as(e.getName()).isEmpty();
            assertThat(e.getGroupName()).as(e.getName()).isEmpty();
        }
        assertThat(entries.get("app/main.py").getLastModifiedTime().toInstant())
                .isEqualTo(Instant.parse("2021-03-04T05:06:07Z"));

        assertThat(contents.get("Dockerfile")).isEqualTo("FROM scratch\nCOPY . /app\n");
        assertThat(contents.get("secret/keep.txt")).isEqualTo("kept\n");
        assertThat(contents.get(".dockerignore")).startsWith("*.log\n");

        assertThat(summary.files()).isEqualTo(5);
        assertThat(summary.directories()).isEqualTo(2);
        assertThat(summary.symlinks()).isEqualTo(4);
        long content = 0;
        for (String c : contents.values()) {
            content += c.getBytes(StandardCharsets.UTF_8).length;
        }
        assertThat(summary.contentBytes()).isEqualTo(content);
        assertThat(summary.archiveBytes()).isEqualTo(out.size());
        if (fifo) {
            assertThat(summary.skipped()).containsExactly("fifo");
        }
    }

    @Test
    void overridesReplaceTheDockerfileAndKeepItsMode() throws IOException {
        Path ctx = sampleContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive.of(ctx).withOverride("Dockerfile", "FROM slim\n").writeTo(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> contents = read(out.toByteArray(), entries);

        assertThat(contents.get("Dockerfile")).isEqualTo("FROM slim\n");
        assertThat(entries.get("Dockerfile").getSize()).isEqualTo("FROM slim\n".length());
        assertThat(mode(entries.get("Dockerfile"))).isEqualTo(0640);
        assertThat(entries.keySet()).containsOnlyOnce("Dockerfile");
    }

    @Test
    void theStaticEntryPointPutsOverridesInPlace() throws IOException {
        Path ctx = sampleContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive.Summary summary = ContextArchive.write(ctx,
                Map.of("Dockerfile", "FROM other\n".getBytes(StandardCharsets.UTF_8)), out);
        Map<String, String> contents = read(out.toByteArray(), new LinkedHashMap<>());
        assertThat(contents.get("Dockerfile")).isEqualTo("FROM other\n");
        assertThat(summary.archiveBytes()).isEqualTo(out.size());
    }

    @Test
    void aReplacementDockerignoreIsSentAndItsPatternsApply() throws IOException {
        Path ctx = sampleContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive archive = ContextArchive.of(ctx).withDockerignore("app\n.dockerignore\n");
        assertThat(archive.patterns().patterns()).containsExactly("app", ".dockerignore");
        archive.writeTo(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> contents = read(out.toByteArray(), entries);

        assertThat(contents.get(".dockerignore")).isEqualTo("app\n.dockerignore\n");
        assertThat(entries.keySet()).doesNotContain("app/", "app/main.py")
                .contains("secret/", "secret/key.pem", "node_modules/pkg/index.js", "Dockerfile", "app-link");
        assertThat(entries.get(".dockerignore").getMode()).isEqualTo(0644);
    }

    @Test
    void excludedDockerfileAndDockerignoreAreStillSentEvenFromAnExcludedFolder() throws IOException {
        Path ctx = Files.createDirectory(tmp.resolve("ctx"));
        Files.createDirectory(ctx.resolve("docker"));
        write(ctx, "docker/Dockerfile", "FROM scratch\n", "rw-r--r--");
        write(ctx, "docker/notes.txt", "not sent\n", "rw-r--r--");
        write(ctx, "main.c", "int main(){}\n", "rw-r--r--");
        write(ctx, ".dockerignore", "docker\n.dockerignore\n", "rw-r--r--");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive.of(ctx).withDockerfile("./docker/Dockerfile").writeTo(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        read(out.toByteArray(), entries);
        // As the docker CLI does (it appends "!docker/Dockerfile"): the folder entry stays out.
        assertThat(entries.keySet()).containsExactly(".dockerignore", "docker/Dockerfile", "main.c");
    }

    @Test
    void newFilesMayBeAddedInFoldersThatDoNotExist() throws IOException {
        Path ctx = sampleContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive.of(ctx)
                .withOverride("variants/slim/Dockerfile", "FROM slim\n")
                .withOverride("app/extra.txt", "extra\n")
                .writeTo(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> contents = read(out.toByteArray(), entries);

        assertThat(entries.keySet()).containsSubsequence("app/", "app/extra.txt", "app/main.py")
                .endsWith("variants/", "variants/slim/", "variants/slim/Dockerfile");
        assertThat(entries.get("variants/").getMode()).isEqualTo(0755);
        assertThat(entries.get("variants/slim/Dockerfile").getMode()).isEqualTo(0644);
        assertThat(contents.get("variants/slim/Dockerfile")).isEqualTo("FROM slim\n");
        assertThat(contents.get("app/extra.txt")).isEqualTo("extra\n");
    }

    @Test
    void overridesOutsideTheContextOrOnAFolderAreRefused() throws IOException {
        Path ctx = sampleContext();
        assertThatThrownBy(() -> ContextArchive.of(ctx).withOverride("../Dockerfile", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContextArchive.of(ctx).withOverride(".", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContextArchive.of(ctx).withOverride("app", "x").writeTo(OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("'app'");
        assertThatThrownBy(() -> ContextArchive.of(ctx).withOverride("app/run.sh/x", "x")
                .writeTo(OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("'app/run.sh'");
    }

    @Test
    void hardLinksAreSentAsLinksToTheFirstName() throws IOException {
        Path ctx = Files.createDirectory(tmp.resolve("ctx"));
        write(ctx, "a.txt", "same\n", "rw-r--r--");
        Files.createLink(ctx.resolve("b.txt"), ctx.resolve("a.txt"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive.Summary summary = ContextArchive.of(ctx).writeTo(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        read(out.toByteArray(), entries);
        assertThat(entries.get("a.txt").isFile()).isTrue();
        assertThat(entries.get("b.txt").isLink()).isTrue();
        assertThat(entries.get("b.txt").getLinkName()).isEqualTo("a.txt");
        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.contentBytes()).isEqualTo(5);
    }

    @Test
    void longAndNonAsciiNamesSurvive() throws IOException {
        Path ctx = Files.createDirectory(tmp.resolve("ctx"));
        String deep = "d".repeat(60) + "/" + "e".repeat(60) + "/" + "f".repeat(60);
        Files.createDirectories(ctx.resolve(deep));
        write(ctx, deep + "/" + "n".repeat(120) + ".txt", "deep\n", "rw-r--r--");
        Files.createDirectory(ctx.resolve("données"));
        write(ctx, "données/été.txt", "chaud\n", "rw-r--r--");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive.of(ctx).writeTo(out);
        Map<String, String> contents = read(out.toByteArray(), new LinkedHashMap<>());
        assertThat(contents).containsEntry(deep + "/" + "n".repeat(120) + ".txt", "deep\n")
                .containsEntry("données/été.txt", "chaud\n");
    }

    @Test
    void theSameContextGivesTheSameBytes() throws IOException {
        Path ctx = sampleContext();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        ContextArchive archive = ContextArchive.of(ctx).withOverride("Dockerfile", "FROM x\n");
        archive.writeTo(first);
        archive.writeTo(second);
        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
    }

    @Test
    void aMalformedDockerignoreFailsWithItsLine() throws IOException {
        Path ctx = Files.createDirectory(tmp.resolve("ctx"));
        write(ctx, ".dockerignore", "ok\n[oops\n", "rw-r--r--");
        assertThatThrownBy(() -> ContextArchive.of(ctx).writeTo(OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }

    @Test
    void anUnreadableFileIsNamedInTheError() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads everything");
        Path ctx = Files.createDirectory(tmp.resolve("ctx"));
        write(ctx, "Dockerfile", "FROM scratch\n", "rw-r--r--");
        write(ctx, "locked.txt", "secret\n", "---------");
        assertThatThrownBy(() -> ContextArchive.of(ctx).writeTo(OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("'locked.txt'").hasMessageContaining("permission");
        // Excluded, it is never opened.
        write(ctx, ".dockerignore", "locked.txt\n", "rw-r--r--");
        ContextArchive.of(ctx).writeTo(OutputStream.nullOutputStream());
    }

    @Test
    void a200MegabyteFileIsStreamedNotHeld() throws IOException {
        Path ctx = Files.createDirectory(tmp.resolve("ctx"));
        write(ctx, "Dockerfile", "FROM scratch\nCOPY big.bin /\n", "rw-r--r--");
        long size = 200L * 1024 * 1024;
        try (RandomAccessFile big = new RandomAccessFile(ctx.resolve("big.bin").toFile(), "rw")) {
            big.setLength(size); // sparse: no disk used, reads as zeros
        }
        CountingSink sink = new CountingSink();
        ContextArchive.Summary summary = ContextArchive.of(ctx).writeTo(sink);

        long dockerfile = "FROM scratch\nCOPY big.bin /\n".length();
        long expected = 512 + roundUp(dockerfile) + 512 + size + 1024; // headers, data, end of archive
        assertThat(sink.count).isEqualTo(expected);
        assertThat(summary.archiveBytes()).isEqualTo(expected);
        assertThat(summary.contentBytes()).isEqualTo(size + dockerfile);
        assertThat(summary.files()).isEqualTo(2);
        assertThat(sink.largestWrite).as("written in bounded pieces").isLessThanOrEqualTo(64 * 1024);
    }

    // ---------------------------------------------------------------------------------------

    private static long roundUp(long n) {
        return (n + 511) / 512 * 512;
    }

    private static int mode(TarArchiveEntry entry) {
        return entry.getMode() & 07777;
    }

    /** Reads the tar: entries by name in archive order, and the text of each regular file. */
    private static Map<String, String> read(byte[] tar, Map<String, TarArchiveEntry> entries) throws IOException {
        Map<String, String> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar), "UTF-8")) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(entries).as("duplicate entry").doesNotContainKey(e.getName());
                entries.put(e.getName(), e);
                if (!e.isDirectory() && !e.isSymbolicLink() && !e.isLink()) {
                    contents.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return contents;
    }

    private static void write(Path root, String rel, String text, String perms) throws IOException {
        Path p = root.resolve(rel);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static void dir(Path root, String rel, String perms) throws IOException {
        Path p = Files.createDirectories(root.resolve(rel));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Discards what it is given; counts it and notes the largest single write. */
    private static final class CountingSink extends OutputStream {
        long count;
        int largestWrite;

        @Override
        public void write(int b) {
            count++;
            largestWrite = Math.max(largestWrite, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            largestWrite = Math.max(largestWrite, len);
        }
    }

    @Test
    void fifosAreLeftOut() throws IOException {
        Path ctx = Files.createDirectory(tmp.resolve("ctx"));
        assumeTrue(mkfifo(ctx.resolve("pipe")), "mkfifo is not available");
        write(ctx, "file", "x", "rw-r--r--");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextArchive.Summary summary = ContextArchive.of(ctx).writeTo(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        read(out.toByteArray(), entries);
        assertThat(entries.keySet()).containsExactly("file");
        assertThat(summary.skipped()).isEqualTo(List.of("pipe"));
    }
}
