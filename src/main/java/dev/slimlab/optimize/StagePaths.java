package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Paths inside an image (absolute, {@code /}-separated) and what a COPY or ADD puts where, for
 * {@code multi-stage}: which instructions a builder stage needs and which the runtime stage can
 * leave out. A COPY is read with the working directory it runs in.
 */
final class StagePaths {

    private StagePaths() {
    }

    // ---- paths -----------------------------------------------------------------------------------

    /** {@code path} resolved against the folder {@code base}, normalized. */
    static String resolve(String base, String path) {
        return normalize(path.startsWith("/") ? path : base + "/" + path);
    }

    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    static boolean under(String path, String folder) {
        return path.equals(folder) || folder.equals("/") || path.startsWith(folder + "/");
    }

    /** {@code path} relative to {@code folder} ("" for the folder itself), or null when it is not under it. */
    static String relativeTo(String folder, String path) {
        if (path.equals(folder)) {
            return "";
        }
        if (folder.equals("/")) {
            return path.substring(1);
        }
        return path.startsWith(folder + "/") ? path.substring(folder.length() + 1) : null;
    }

    static String relativeOrAbsolute(String folder, String path) {
        String relative = relativeTo(folder, path);
        return relative == null || relative.isEmpty() ? path : relative;
    }

    static String join(String folder, String name) {
        return folder.equals("/") ? "/" + name : folder + "/" + name;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String basename(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String stripDotSlash(String source) {
        String s = source;
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s;
    }

    static String unquote(String word) {
        if (word.length() >= 2 && (word.startsWith("\"") && word.endsWith("\"")
                || word.startsWith("'") && word.endsWith("'"))) {
            return word.substring(1, word.length() - 1);
        }
        return word;
    }

    private static boolean globMatches(String glob, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
        }
        return name.matches(re.toString());
    }

    // ---- COPY and ADD ----------------------------------------------------------------------------

    /** A COPY or ADD from the build context (not {@code --from}, not a here-document). */
    static boolean isContextCopy(Instruction i) {
        return (i.is("copy") || i.is("add")) && i.flag("from").isEmpty() && i.heredocs().isEmpty()
                && i.args().size() >= 2;
    }

    static List<String> copySources(Instruction i) {
        List<String> args = i.args();
        return args.subList(0, args.size() - 1).stream().map(StagePaths::unquote).toList();
    }

    private static String copyDestination(Instruction i, String workdir) {
        return resolve(workdir, unquote(i.args().get(i.args().size() - 1)));
    }

    private static boolean destinationIsFolder(Instruction i) {
        String dest = unquote(i.args().get(i.args().size() - 1));
        return dest.endsWith("/") || dest.equals(".") || i.args().size() > 2;
    }

    private static boolean looksLikeFolder(String source) {
        String s = stripDotSlash(source);
        return s.isEmpty() || s.equals(".") || s.endsWith("/") || !basename(s).contains(".");
    }

    /**
     * Whether the COPY puts a file at {@code path}: 1 as that very file (a source named so), 2 as
     * part of a folder it copies, 0 not at all.
     */
    static int copyProvides(Instruction i, String workdir, String path) {
        if (!isContextCopy(i)) {
            return 0;
        }
        String dest = copyDestination(i, workdir);
        int best = 0;
        for (String source : copySources(i)) {
            if (source.contains("://")) {
                continue;
            }
            if (sourceIsFile(source, dest, destinationIsFolder(i), path)) {
                return 1;
            }
            if (looksLikeFolder(source) && under(path, dest)) {
                best = 2;
            }
        }
        return best;
    }

    private static boolean sourceIsFile(String source, String dest, boolean destIsFolder, String path) {
        String s = stripDotSlash(source);
        if (looksLikeFolder(s) && !s.contains("*")) {
            return false;
        }
        String name = basename(s);
        if (name.contains("*") || name.contains("?") || name.contains("[")) {
            return parent(path).equals(dest) && globMatches(name, basename(path));
        }
        return path.equals(destIsFolder ? join(dest, name) : dest) && basename(path).equals(name)
                || !destIsFolder && path.equals(dest);
    }

    /** True if every source of the COPY is one of {@code files}, named as a file. */
    static boolean copyOnlyFiles(Instruction i, String workdir, Set<String> files) {
        String dest = copyDestination(i, workdir);
        for (String source : copySources(i)) {
            if (files.stream().noneMatch(f -> sourceIsFile(source, dest, destinationIsFolder(i), f))) {
                return false;
            }
        }
        return true;
    }

    /** True if the COPY puts something into the folder {@code folder}. */
    static boolean copyInto(Instruction i, String workdir, String folder) {
        if (!isContextCopy(i)) {
            return false;
        }
        String dest = copyDestination(i, workdir);
        return under(dest, folder) || under(folder, dest) && copySources(i).stream().anyMatch(StagePaths::looksLikeFolder);
    }

    /** True if the COPY or ADD writes into its working directory (the build's). */
    static boolean copyIntoWorkdir(Instruction i, String workdir) {
        if (i.flag("from").isPresent() || i.args().isEmpty()) {
            return false;
        }
        if (!i.heredocs().isEmpty()) {
            return true;
        }
        return under(copyDestination(i, workdir), workdir);
    }
}
