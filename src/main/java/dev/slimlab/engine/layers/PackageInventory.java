package dev.slimlab.engine.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimlab.engine.api.InstalledPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the package databases of an image's final filesystem: dpkg's status (and distroless'
 * {@code status.d}), apk's installed db, Python's dist-info and egg-info, and npm's
 * {@code package.json} under {@code node_modules}.
 */
final class PackageInventory {

    static final String DPKG_STATUS = "var/lib/dpkg/status";
    static final String DPKG_STATUS_D = "var/lib/dpkg/status.d/";
    static final String APK_INSTALLED = "lib/apk/db/installed";

    /** {@code .../site-packages/<dist>.dist-info/METADATA} or {@code RECORD} (Debian: dist-packages). */
    private static final Pattern DIST_INFO =
            Pattern.compile("(?:.*/)?(?:site|dist)-packages/([^/]+)\\.dist-info/(METADATA|RECORD)");
    /** {@code .../site-packages/<dist>.egg-info/PKG-INFO}, or an egg-info that is itself the file. */
    private static final Pattern EGG_INFO =
            Pattern.compile("(?:.*/)?(?:site|dist)-packages/([^/]+)\\.egg-info(/PKG-INFO)?");
    /** {@code .../node_modules/<name>/package.json} or {@code .../node_modules/@scope/<name>/package.json}. */
    private static final Pattern NPM_MANIFEST =
            Pattern.compile("((?:.*/)?node_modules/(?:@[^/]+/)?[^/.@][^/]*)/package\\.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackageInventory() {
    }

    /** True for the files whose contents the inventory needs (checked for every file of every layer). */
    static boolean isMetadataPath(String path) {
        if (path.endsWith("/package.json")) {
            return path.contains("node_modules/") && NPM_MANIFEST.matcher(path).matches();
        }
        if (path.endsWith("/METADATA") || path.endsWith("/RECORD")) {
            return DIST_INFO.matcher(path).matches();
        }
        if (path.endsWith("/PKG-INFO") || path.endsWith(".egg-info")) {
            return EGG_INFO.matcher(path).matches();
        }
        if (path.startsWith(DPKG_STATUS_D)) {
            return path.indexOf('/', DPKG_STATUS_D.length()) < 0 && !path.endsWith(".md5sums");
        }
        return path.equals(DPKG_STATUS) || path.equals(APK_INSTALLED);
    }

    /**
     * The packages of the final filesystem.
     *
     * @param finalFiles the files of the final filesystem with the layer that wrote each
     * @param contents   gives the contents a layer holds for a metadata path (null: too big, not kept)
     */
    static List<InstalledPackage> inventory(NavigableMap<String, LayerStack.LiveFile> finalFiles,
                                            Function<Map.Entry<String, LayerStack.LiveFile>, byte[]> contents) {
        List<InstalledPackage> found = new ArrayList<>();
        Map<String, String> npmFolders = new HashMap<>(); // folder -> "name\0version"
        for (Map.Entry<String, LayerStack.LiveFile> file : finalFiles.entrySet()) {
            String path = file.getKey();
            if (!isMetadataPath(path)) {
                continue;
            }
            byte[] bytes = contents.apply(file);
            if (bytes == null) {
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            Matcher m;
            if (path.equals(DPKG_STATUS) || path.startsWith(DPKG_STATUS_D)) {
                dpkg(text, path.startsWith(DPKG_STATUS_D), found);
            } else if (path.equals(APK_INSTALLED)) {
                apk(text, found);
            } else if ((m = DIST_INFO.matcher(path)).matches()) {
                if (m.group(2).equals("METADATA")) {
                    String record = TarPaths.child(TarPaths.parent(path), "RECORD");
                    long size = 0;
                    LayerStack.LiveFile recordFile = finalFiles.get(record);
                    if (recordFile != null) {
                        byte[] recordBytes = contents.apply(Map.entry(record, recordFile));
                        size = recordBytes == null ? 0 : recordSize(new String(recordBytes, StandardCharsets.UTF_8));
                    }
                    python(text, m.group(1), size, found);
                }
            } else if ((m = EGG_INFO.matcher(path)).matches()) {
                python(text, m.group(1), 0, found);
            } else if ((m = NPM_MANIFEST.matcher(path)).matches()) {
                npm(bytes, m.group(1), npmFolders);
            }
        }
        if (!npmFolders.isEmpty()) {
            Map<String, Long> folderBytes = npmFolderBytes(finalFiles, npmFolders);
            for (Map.Entry<String, String> folder : npmFolders.entrySet()) {
                String[] nameVersion = folder.getValue().split("\0", 2);
                found.add(new InstalledPackage("npm", nameVersion[0], nameVersion[1],
                        folderBytes.getOrDefault(folder.getKey(), 0L)));
            }
        }
        return merged(found);
    }

    /** One entry per manager, name and version (copies in several places add up), sorted. */
    private static List<InstalledPackage> merged(List<InstalledPackage> found) {
        Map<List<String>, Long> bytes = new LinkedHashMap<>();
        for (InstalledPackage p : found) {
            bytes.merge(List.of(p.manager(), p.name(), p.version()), p.installedBytes(), Long::sum);
        }
        List<InstalledPackage> packages = new ArrayList<>();
        bytes.forEach((key, size) -> packages.add(new InstalledPackage(key.get(0), key.get(1), key.get(2), size)));
        packages.sort(Comparator.comparing(InstalledPackage::manager)
                .thenComparing(InstalledPackage::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(InstalledPackage::name)
                .thenComparing(InstalledPackage::version));
        return packages;
    }

    // ---- dpkg ------------------------------------------------------------------------------

    private static void dpkg(String text, boolean statusD, List<InstalledPackage> found) {
        for (Map<String, String> stanza : stanzas(text)) {
            String name = stanza.get("Package");
            if (name == null || name.isBlank()) {
                continue;
            }
            String status = stanza.get("Status");
            // status.d (distroless) lists only installed packages and may omit Status
            boolean installed = status == null ? statusD : status.trim().endsWith(" installed");
            if (!installed) {
                continue;
            }
            long kib = parseLong(stanza.get("Installed-Size"));
            found.add(new InstalledPackage("dpkg", name.trim(), orEmpty(stanza.get("Version")), kib * 1024));
        }
    }

    /** Deb822 paragraphs: "Field: value" lines, continuation lines start with a blank. */
    private static List<Map<String, String>> stanzas(String text) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> current = new HashMap<>();
        String lastField = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    stanzas.add(current);
                    current = new HashMap<>();
                }
                lastField = null;
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (lastField != null) {
                    current.merge(lastField, "\n" + line.trim(), String::concat);
                }
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastField = line.substring(0, colon).trim();
                    current.put(lastField, line.substring(colon + 1).trim());
                }
            }
        }
        if (!current.isEmpty()) {
            stanzas.add(current);
        }
        return stanzas;
    }

    // ---- apk -------------------------------------------------------------------------------

    private static void apk(String text, List<InstalledPackage> found) {
        String name = null;
        String version = "";
        long size = 0;
        for (String line : (text + "\n\n").split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (name != null) {
                    found.add(new InstalledPackage("apk", name, version, size));
                }
                name = null;
                version = "";
                size = 0;
            } else if (line.startsWith("P:")) {
                name = line.substring(2).trim();
            } else if (line.startsWith("V:")) {
                version = line.substring(2).trim();
            } else if (line.startsWith("I:")) {
                size = parseLong(line.substring(2));
            }
        }
    }

    // ---- Python ----------------------------------------------------------------------------

    private static void python(String metadata, String folderName, long size, List<InstalledPackage> found) {
        String name = null;
        String version = null;
        for (String line : metadata.split("\r?\n")) {
            if (line.isEmpty()) {
                break; // the headers end at the first blank line; the description follows
            }
            if (name == null && line.regionMatches(true, 0, "Name:", 0, 5)) {
                name = line.substring(5).trim();
            } else if (version == null && line.regionMatches(true, 0, "Version:", 0, 8)) {
                version = line.substring(8).trim();
            }
        }
        if (name == null || name.isEmpty()) {
            // <name>-<version>.dist-info
            int dash = folderName.indexOf('-');
            name = dash < 0 ? folderName : folderName.substring(0, dash);
            if (version == null && dash >= 0) {
                version = folderName.substring(dash + 1);
            }
        }
        found.add(new InstalledPackage("pip", name, orEmpty(version), size));
    }

    /** The sum of the sizes a wheel's RECORD lists ({@code path,hash,size}; the size may be empty). */
    static long recordSize(String record) {
        long total = 0;
        for (String line : record.split("\r?\n")) {
            int comma = line.lastIndexOf(',');
            if (comma >= 0) {
                total += parseLong(line.substring(comma + 1));
            }
        }
        return total;
    }

    // ---- npm -------------------------------------------------------------------------------

    private static void npm(byte[] packageJson, String folder, Map<String, String> npmFolders) {
        try {
            JsonNode json = JSON.readTree(packageJson);
            if (json == null || !json.isObject()) {
                return;
            }
            String name = json.path("name").asText("");
            if (name.isEmpty()) {
                return;
            }
            npmFolders.put(folder, name + "\0" + json.path("version").asText(""));
        } catch (IOException e) {
            // not JSON: not a package we can name
        }
    }

    /**
     * The bytes under each npm package folder, nested {@code node_modules} excluded (they are
     * packages of their own): every file belongs to the folder after its last {@code node_modules/}.
     */
    private static Map<String, Long> npmFolderBytes(NavigableMap<String, LayerStack.LiveFile> finalFiles,
                                                    Map<String, String> npmFolders) {
        Map<String, Long> bytes = new HashMap<>();
        for (Map.Entry<String, LayerStack.LiveFile> file : finalFiles.entrySet()) {
            String path = file.getKey();
            int at = path.lastIndexOf("node_modules/");
            if (at < 0 || (at > 0 && path.charAt(at - 1) != '/')) {
                continue;
            }
            int start = at + "node_modules/".length();
            int end = path.indexOf('/', start);
            if (end > 0 && path.charAt(start) == '@') {
                end = path.indexOf('/', end + 1);
            }
            if (end < 0) {
                continue;
            }
            String folder = path.substring(0, end);
            if (npmFolders.containsKey(folder)) {
                bytes.merge(folder, file.getValue().size(), Long::sum);
            }
        }
        return bytes;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static long parseLong(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
