package dev.slimlab.engine;

import dev.slimlab.gotext.GoPath;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Streams a build context folder as the tar the daemon's {@code /build} endpoint reads, the way
 * the docker CLI makes it ({@code archive.TarWithOptions} after {@code ValidateContextDirectory}).
 *
 * <ul>
 *   <li>{@code .dockerignore} is honoured with Docker's rules ({@link DockerignorePatterns}),
 *       exceptions included; an excluded directory is skipped whole unless an exception names
 *       something below it (then the directory itself is left out, and what is re-included
 *       below it is sent).</li>
 *   <li>Overrides put given bytes in place of (or next to) files on disk: the variant's
 *       Dockerfile, a proposed {@code .dockerignore}. An overriding {@code .dockerignore} is
 *       also the one whose patterns apply, so what is sent and what the daemon reads agree.</li>
 *   <li>The Dockerfile and {@code .dockerignore} are always sent, even when the patterns exclude
 *       them (the CLI re-adds them; the daemon needs them and drops them itself); so is every
 *       override.</li>
 *   <li>Entries come in the order Go's {@code filepath.WalkDir} gives (each folder's names
 *       sorted), directories included; uid and gid 0 with no user or group names; permission
 *       bits (setuid, setgid, sticky and executable bits included, no file type bits) and the
 *       modification time, to the second, kept; POSIX (PAX) headers for long or non-ASCII names
 *       and big numbers. Checked against the tar docker CLI 28.2 sends with the classic builder:
 *       the same entries, order, types, modes, link targets, sizes, times and contents.</li>
 *   <li>A symbolic link is stored as a link with its target as written, never followed, even
 *       when the target leaves the context: the daemon resolves links inside the build. Hard
 *       links to a file already sent are stored as hard links, as the CLI does.</li>
 *   <li>Fifos, sockets and devices are left out (listed in the {@link Summary}). The docker
 *       CLI leaves sockets out too but sends fifos and devices as entries.</li>
 *   <li>A file or folder that cannot be read fails with an {@link IOException} naming it,
 *       before any byte of it is written.</li>
 * </ul>
 *
 * <p>Files are streamed in 64 KiB pieces: a context of any size takes bounded memory. The
 * output stream is not closed.
 *
 * <p>Instances are immutable; {@code with...} methods return a changed copy.
 */
public final class ContextArchive {

    public static final String DOCKERIGNORE = ".dockerignore";
    public static final String DEFAULT_DOCKERFILE = "Dockerfile";

    private static final int RECORD_SIZE = 512;
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int DEFAULT_DIR_MODE = 0755;
    private static final int DEFAULT_FILE_MODE = 0644;
    private static final FileTime OVERRIDE_TIME = FileTime.fromMillis(0);

    /** Names in the order of Go's {@code sort} on strings: by UTF-8 bytes, i.e. code points. */
    static final Comparator<String> NAME_ORDER = ContextArchive::compareCodePoints;

    private final Path root;
    private final String dockerfile;
    private final Map<String, byte[]> overrides;

    private ContextArchive(Path root, String dockerfile, Map<String, byte[]> overrides) {
        this.root = root;
        this.dockerfile = dockerfile;
        this.overrides = overrides;
    }

    /** The context folder, with its own Dockerfile ({@value #DEFAULT_DOCKERFILE}) and no overrides. */
    public static ContextArchive of(Path contextDir) {
        return new ContextArchive(contextDir.toAbsolutePath(), DEFAULT_DOCKERFILE, Map.of());
    }

    /**
     * Streams the context folder with the overrides in place to {@code out}, Dockerfile at
     * {@value #DEFAULT_DOCKERFILE}.
     */
    public static Summary write(Path contextDir, Map<String, byte[]> overrides, OutputStream out) throws IOException {
        return of(contextDir).withOverrides(overrides).writeTo(out);
    }

    /** Where the Dockerfile is, relative to the context root (always sent). */
    public ContextArchive withDockerfile(String relativePath) {
        return new ContextArchive(root, relativePathOf(relativePath), overrides);
    }

    /** Sends {@code content} at {@code relativePath}, in place of the file there if any. */
    public ContextArchive withOverride(String relativePath, byte[] content) {
        Map<String, byte[]> copy = new TreeMap<>(overrides);
        copy.put(relativePathOf(relativePath), content.clone());
        return new ContextArchive(root, dockerfile, copy);
    }

    /** Sends {@code text} (as UTF-8) at {@code relativePath}, in place of the file there if any. */
    public ContextArchive withOverride(String relativePath, String text) {
        return withOverride(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every entry of the map as {@link #withOverride(String, byte[])}. */
    public ContextArchive withOverrides(Map<String, byte[]> more) {
        Map<String, byte[]> copy = new TreeMap<>(overrides);
        for (Map.Entry<String, byte[]> e : more.entrySet()) {
            copy.put(relativePathOf(e.getKey()), Objects.requireNonNull(e.getValue(), e.getKey()).clone());
        }
        return new ContextArchive(root, dockerfile, copy);
    }

    /** A replacement {@code .dockerignore}: sent in place of the folder's, and its patterns apply. */
    public ContextArchive withDockerignore(String text) {
        return withOverride(DOCKERIGNORE, text);
    }

    public Path root() {
        return root;
    }

    public String dockerfile() {
        return dockerfile;
    }

    /** The relative paths that are overridden, sorted. */
    public Set<String> overriddenPaths() {
        return java.util.Collections.unmodifiableSet(overrides.keySet());
    }

    /**
     * The patterns that apply: the overriding {@code .dockerignore} if there is one, else the
     * folder's, else none.
     *
     * @throws IllegalArgumentException when a pattern is malformed (Docker refuses it too)
     */
    public DockerignorePatterns patterns() throws IOException {
        byte[] replacement = overrides.get(DOCKERIGNORE);
        if (replacement != null) {
            return DockerignorePatterns.parse(new String(replacement, StandardCharsets.UTF_8));
        }
        Path file = root.resolve(DOCKERIGNORE);
        if (!Files.exists(file)) {
            return DockerignorePatterns.NONE;
        }
        try {
            return DockerignorePatterns.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read .dockerignore in the build context (" + file + "): permission denied", e);
        }
    }

    /**
     * Writes the tar to {@code out} (which stays open) and says what was sent.
     *
     * @throws IOException when something to send cannot be read, or {@code .dockerignore} has a
     *     malformed pattern
     */
    public Summary writeTo(OutputStream out) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "the build context is not a folder");
        }
        DockerignorePatterns patterns;
        try {
            patterns = patterns();
        } catch (IllegalArgumentException e) {
            throw new IOException("the build context's .dockerignore is not valid: " + e.getMessage(), e);
        }
        return new Writer(patterns, out).write();
    }

    /**
     * What was sent.
     *
     * @param files regular files (hard links included)
     * @param directories directory entries
     * @param symlinks symbolic links
     * @param contentBytes bytes of file content
     * @param archiveBytes bytes of the tar stream
     * @param skipped fifos, sockets and devices left out, as relative paths
     */
    public record Summary(int files, int directories, int symlinks, long contentBytes, long archiveBytes,
                          List<String> skipped) {
        public Summary {
            skipped = List.copyOf(skipped);
        }
    }

    // ---------------------------------------------------------------------------------------

    /** One run of writing the tar. */
    private final class Writer {
        private final DockerignorePatterns patterns;
        private final CountingOutputStream counting;
        private final TarArchiveOutputStream tar;
        private final Set<String> forced = new HashSet<>();
        private final Set<String> forcedAncestors = new HashSet<>();
        private final Map<String, Set<String>> virtualChildren = new HashMap<>();
        private final Map<Object, String> seenInodes = new HashMap<>();
        private final List<String> skipped = new ArrayList<>();
        private final byte[] buffer = new byte[BUFFER_SIZE];
        private int files;
        private int directories;
        private int symlinks;
        private long contentBytes;

        Writer(DockerignorePatterns patterns, OutputStream out) {
            this.patterns = patterns;
            // The tar writer emits 512-byte records: gather them into bigger writes.
            this.counting = new CountingOutputStream(new BufferedOutputStream(out, BUFFER_SIZE));
            this.tar = new TarArchiveOutputStream(counting, RECORD_SIZE, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);

            forced.add(dockerfile);
            forced.add(DOCKERIGNORE);
            forced.addAll(overrides.keySet());
            for (String path : forced) {
                for (String dir = parentOf(path); dir != null; dir = parentOf(dir)) {
                    forcedAncestors.add(dir);
                }
            }
            for (String path : overrides.keySet()) {
                String child = path;
                for (String dir = parentOf(path); ; dir = parentOf(dir)) {
                    virtualChildren.computeIfAbsent(dir == null ? "" : dir, k -> new TreeSet<>(NAME_ORDER))
                            .add(nameOf(child));
                    if (dir == null) {
                        break;
                    }
                    child = dir;
                }
            }
        }

        Summary write() throws IOException {
            walk(root, "", null);
            tar.finish();
            counting.flush(); // and the buffer below it; the caller's stream stays open
            return new Summary(files, directories, symlinks, contentBytes, counting.count, skipped);
        }

        private void walk(Path dir, String rel, DockerignorePatterns.WalkMatch parentMatch) throws IOException {
            TreeSet<String> names = new TreeSet<>(NAME_ORDER);
            names.addAll(virtualChildren.getOrDefault(rel, Set.of()));
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || rel.isEmpty()) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                    for (Path p : stream) {
                        names.add(p.getFileName().toString());
                    }
                } catch (AccessDeniedException e) {
                    throw new IOException("cannot list folder '" + display(rel) + "' of the build context ("
                            + dir + "): permission denied; fix its permissions or exclude it in .dockerignore", e);
                } catch (NoSuchFileException e) {
                    if (!rel.isEmpty()) {
                        throw e;
                    }
                }
            }
            for (String name : names) {
                String childRel = rel.isEmpty() ? name : rel + "/" + name;
                Path path = dir.resolve(name);
                BasicFileAttributes attrs = attributesOrNull(path, childRel);
                DockerignorePatterns.WalkMatch match = patterns.matchInWalk(childRel, parentMatch);
                boolean excluded = match.excluded() && !forced.contains(childRel);

                byte[] override = overrides.get(childRel);
                if (override != null) {
                    if (attrs != null && attrs.isDirectory()) {
                        throw new IOException("cannot put a file at '" + childRel + "': it is a folder in the build context");
                    }
                    writeOverride(childRel, override, path, attrs);
                } else if (attrs == null) {
                    // a folder that exists only to hold overrides
                    if (!virtualChildren.containsKey(childRel)) {
                        continue; // vanished while we walked
                    }
                    if (!excluded) {
                        writeDirectory(childRel, DEFAULT_DIR_MODE, OVERRIDE_TIME);
                    }
                    walk(path, childRel, match);
                } else if (attrs.isDirectory()) {
                    if (excluded) {
                        if (!patterns.mayReincludeBelow(childRel) && !forcedAncestors.contains(childRel)) {
                            continue;
                        }
                    } else {
                        writeDirectory(childRel, permissions(path, attrs), attrs.lastModifiedTime());
                    }
                    walk(path, childRel, match);
                } else if (virtualChildren.containsKey(childRel)) {
                    throw new IOException("cannot put files below '" + childRel + "': it is not a folder in the build context");
                } else if (excluded) {
                    continue;
                } else if (attrs.isSymbolicLink()) {
                    writeSymlink(childRel, path, attrs);
                } else if (attrs.isRegularFile()) {
                    writeFile(childRel, path, attrs);
                } else {
                    skipped.add(childRel);
                }
            }
        }

        private BasicFileAttributes attributesOrNull(Path path, String rel) throws IOException {
            try {
                return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            } catch (AccessDeniedException e) {
                throw new IOException("cannot stat '" + rel + "' in the build context (" + path + "): permission denied", e);
            }
        }

        private void writeDirectory(String rel, int mode, FileTime mtime) throws IOException {
            TarArchiveEntry entry = entry(rel + "/", TarConstants.LF_DIR, mode, mtime);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            directories++;
        }

        private void writeSymlink(String rel, Path path, BasicFileAttributes attrs) throws IOException {
            String target = Files.readSymbolicLink(path).toString();
            TarArchiveEntry entry = entry(rel, TarConstants.LF_SYMLINK, permissions(path, attrs), attrs.lastModifiedTime());
            entry.setLinkName(target);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            symlinks++;
        }

        private void writeFile(String rel, Path path, BasicFileAttributes attrs) throws IOException {
            int mode = permissions(path, attrs);
            Object inode = attrs.fileKey();
            if (inode != null && linkCount(path) > 1) {
                String first = seenInodes.get(inode);
                if (first != null) {
                    TarArchiveEntry link = entry(rel, TarConstants.LF_LINK, mode, attrs.lastModifiedTime());
                    link.setLinkName(first);
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                    files++;
                    return;
                }
                seenInodes.put(inode, rel);
            }
            long size = attrs.size();
            // Open before the header is written: an unreadable file must not leave half an entry.
            try (InputStream in = open(path, rel)) {
                TarArchiveEntry entry = entry(rel, TarConstants.LF_NORMAL, mode, attrs.lastModifiedTime());
                entry.setSize(size);
                tar.putArchiveEntry(entry);
                long left = size;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException("'" + rel + "' in the build context (" + path
                                + ") shrank while it was being sent; " + left + " of " + size + " bytes missing");
                    }
                    tar.write(buffer, 0, n);
                    left -= n;
                }
                tar.closeArchiveEntry();
            }
            files++;
            contentBytes += size;
        }

        private void writeOverride(String rel, byte[] content, Path path, BasicFileAttributes attrs) throws IOException {
            int perm = DEFAULT_FILE_MODE;
            FileTime mtime = OVERRIDE_TIME;
            if (attrs != null && attrs.isRegularFile()) {
                perm = permissions(path, attrs);
                mtime = attrs.lastModifiedTime();
            }
            TarArchiveEntry entry = entry(rel, TarConstants.LF_NORMAL, perm, mtime);
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
            files++;
            contentBytes += content.length;
        }

        private InputStream open(Path path, String rel) throws IOException {
            try {
                return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
            } catch (AccessDeniedException e) {
                throw new IOException("cannot read '" + rel + "' in the build context (" + path
                        + "): permission denied; fix its permissions or exclude it in .dockerignore", e);
            } catch (IOException e) {
                throw new IOException("cannot read '" + rel + "' in the build context (" + path + "): " + e, e);
            }
        }
    }

    /** An entry as the docker CLI writes it: the mode holds permission bits only, no file type bits. */
    private static TarArchiveEntry entry(String name, byte type, int mode, FileTime mtime) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(mode);
        entry.setIds(0, 0);
        entry.setUserName("");
        entry.setGroupName("");
        // Docker truncates to the second (and a fraction would add a PAX mtime record).
        entry.setModTime(FileTime.from(mtime.to(TimeUnit.SECONDS), TimeUnit.SECONDS));
        return entry;
    }

    /** Permission bits with setuid, setgid and sticky, as {@code st_mode & 07777}. */
    private static int permissions(Path path, BasicFileAttributes attrs) throws IOException {
        try {
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return ((Integer) mode) & 07777;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                int bits = 0;
                for (PosixFilePermission p : posix.permissions()) {
                    bits |= 0400 >> p.ordinal();
                }
                return bits;
            } catch (UnsupportedOperationException e2) {
                return attrs.isDirectory() ? DEFAULT_DIR_MODE : attrs.isSymbolicLink() ? 0777 : DEFAULT_FILE_MODE;
            }
        }
    }

    private static int linkCount(Path path) throws IOException {
        try {
            return (Integer) Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /** A clean relative path inside the context, or an IllegalArgumentException. */
    static String relativePathOf(String path) {
        String clean = GoPath.clean(path.replace('\\', '/'));
        while (clean.startsWith("/")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..") || clean.startsWith("../")) {
            throw new IllegalArgumentException("not a file inside the build context: '" + path + "'");
        }
        return clean;
    }

    private static String parentOf(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? null : rel.substring(0, slash);
    }

    private static String nameOf(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    private static String display(String rel) {
        return rel.isEmpty() ? "." : rel;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    @Override
    public String toString() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        overrides.forEach((k, v) -> sizes.put(k, v.length));
        return "ContextArchive[" + root + ", dockerfile=" + dockerfile + ", overrides=" + sizes + "]";
    }

    /** Counts what passes; does not close what it wraps. */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
