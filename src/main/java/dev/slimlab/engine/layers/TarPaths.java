package dev.slimlab.engine.layers;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path arithmetic for tar entry names: relative, '/'-separated, no "." or ".." segments. */
final class TarPaths {

    private TarPaths() {
    }

    /**
     * The canonical form of an entry name: no leading "/" or "./", no trailing "/", "." and ".."
     * segments resolved (".." never climbs above the root). The root itself is "".
     */
    static String normalize(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        boolean clean = name.charAt(0) != '/' && name.charAt(name.length() - 1) != '/'
                && !name.startsWith("./") && !name.contains("//") && !name.contains("/./")
                && !name.contains("..") && !name.equals(".");
        if (clean) {
            return name;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** The parent folder of a normalized path, "" for a top-level name. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a normalized path. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A child of a normalized folder ("" is the root). */
    static String child(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** Where a symlink at {@code linkPath} pointing to {@code target} leads, as a normalized path. */
    static String resolveSymlink(String linkPath, String target) {
        if (target.startsWith("/")) {
            return normalize(target);
        }
        return normalize(child(parent(linkPath), target));
    }
}
