package dev.slimlab.app;

import dev.slimlab.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The sample projects shipped inside SlimLab (the Maven build copies {@code assets/samples} into
 * the jar with an index of its files). A build needs a real context folder, so a sample is
 * copied out to a folder of the user's on first use, and again only when the shipped version
 * differs from the copy's: until then the user's edits to the copy are kept.
 */
public final class Samples {

    /** Where the build puts the samples among the resources. */
    static final String RESOURCES = "/dev/slimlab/samples/";
    /** The build's list of those files: "644 path" or, for an executable, "755 path". */
    static final String INDEX = "/dev/slimlab/samples.index";

    /** A sample: its name (its folder under the samples, e.g. {@code breakage/env-rename}) and what it is. */
    public record Sample(String name, String description, List<SampleFile> files) {

        public Sample {
            files = List.copyOf(files);
        }
    }

    /** A file of a sample, by its path inside the sample's folder. */
    public record SampleFile(String path, boolean executable) {
    }

    private final Path folder;

    /** Samples copied out under {@code folder} (one sub-folder per sample). */
    public Samples(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /** Samples copied out to {@code samples} in SlimLab's data folder ({@link DataFolder}). */
    public static Samples inUserFolder() {
        return new Samples(DataFolder.root().resolve("samples"));
    }

    /** The folder the samples are copied to. */
    public Path folder() {
        return folder;
    }

    /** Every shipped sample (a folder with a Dockerfile), sorted by name. */
    public List<Sample> list() throws IOException {
        Map<String, Boolean> index = readIndex();
        List<Sample> samples = new ArrayList<>();
        for (String path : index.keySet()) {
            if (path.endsWith("/Dockerfile")) {
                String name = path.substring(0, path.length() - "/Dockerfile".length());
                List<SampleFile> files = index.entrySet().stream().filter(e -> e.getKey().startsWith(name + "/"))
                        .map(e -> new SampleFile(e.getKey().substring(name.length() + 1), e.getValue())).toList();
                String readme = name + "/README.md";
                String description = index.containsKey(readme)
                        ? description(new String(read(readme), StandardCharsets.UTF_8)) : "";
                samples.add(new Sample(name, description, files));
            }
        }
        return samples;
    }

    /**
     * The sample's Dockerfile in the user's folder, copied there first if the copy is missing or
     * was made from another version of the sample. The copy is made in a temporary folder beside
     * it and moved into place, so a half-made copy is never used.
     */
    public synchronized Path dockerfile(Sample sample) throws IOException {
        Path target = folder.resolve(sample.name());
        Path dockerfile = target.resolve("Dockerfile");
        Path stamp = stampOf(target);
        Map<SampleFile, byte[]> contents = new LinkedHashMap<>();
        for (SampleFile file : sample.files()) {
            contents.put(file, read(sample.name() + "/" + file.path()));
        }
        String shipped = hash(contents);
        if (isCopyOf(target, stamp, shipped)) {
            return dockerfile;
        }
        Files.createDirectories(target.getParent());
        Path fresh = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".new-");
        try {
            for (Map.Entry<SampleFile, byte[]> entry : contents.entrySet()) {
                Path file = fresh.resolve(entry.getKey().path());
                AtomicFiles.write(file, entry.getValue());
                if (entry.getKey().executable() && !file.toFile().setExecutable(true, false)) {
                    throw new IOException("cannot make " + file + " executable");
                }
            }
            replace(target, fresh);
        } catch (IOException | RuntimeException e) {
            deleteTree(fresh);
            if (isCopyOf(target, stamp, shipped)) {
                return dockerfile; // another SlimLab copied the same sample meanwhile
            }
            throw e;
        }
        AtomicFiles.write(stamp, (shipped + "\n").getBytes(StandardCharsets.UTF_8));
        return dockerfile;
    }

    /** The hash of the shipped files a copy was made from, kept beside it (not in it: it is a build context). */
    private static Path stampOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".sha256");
    }

    private static boolean isCopyOf(Path target, Path stamp, String shipped) throws IOException {
        return Files.isRegularFile(target.resolve("Dockerfile")) && Files.isRegularFile(stamp)
                && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(shipped);
    }

    /** Moves {@code fresh} to {@code target}; an older copy there is moved aside first, then deleted. */
    private static void replace(Path target, Path fresh) throws IOException {
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.move(target, old.resolve("copy"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** SHA-256 over every file's path, mode and bytes, in path order. */
    private static String hash(Map<SampleFile, byte[]> contents) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        contents.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(SampleFile::path)))
                .forEach(entry -> {
                    digest.update((entry.getKey().path() + (entry.getKey().executable() ? "\0755\0" : "\0644\0"))
                            .getBytes(StandardCharsets.UTF_8));
                    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(entry.getValue().length).array());
                    digest.update(entry.getValue());
                });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The first paragraph after the README's title, as one line of plain text. */
    static String description(String readme) {
        List<String> lines = readme.lines().map(String::strip).dropWhile(String::isEmpty).toList();
        List<String> paragraph = new ArrayList<>();
        for (String line : lines.subList(!lines.isEmpty() && lines.get(0).startsWith("#") ? 1 : 0, lines.size())) {
            if (line.isEmpty() || line.startsWith("#")) {
                if (!paragraph.isEmpty()) {
                    break;
                }
            } else {
                paragraph.add(line);
            }
        }
        return String.join(" ", paragraph).replace("`", "");
    }

    /** Path to executable, from the index the build wrote, sorted by path. */
    private static Map<String, Boolean> readIndex() throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IOException("this SlimLab was built without its samples (no " + INDEX.substring(1)
                        + " among its resources): build it with Maven");
            }
            Map<String, Boolean> index = new TreeMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] modeAndPath = line.split(" ", 2);
                    if (modeAndPath.length != 2 || !(modeAndPath[0].equals("644") || modeAndPath[0].equals("755"))) {
                        throw new IOException(INDEX.substring(1) + " has a line SlimLab cannot read: " + line);
                    }
                    index.put(modeAndPath[1], modeAndPath[0].equals("755"));
                }
            }
            return index;
        }
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                throw new IOException("the sample file " + path + " is in " + INDEX.substring(1)
                        + " but not among SlimLab's resources");
            }
            return in.readAllBytes();
        }
    }
}
