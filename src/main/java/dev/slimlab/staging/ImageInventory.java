package dev.slimlab.staging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What is inside an image, as seen by a shell script run in it by {@link ParityChecker}: the
 * executables on its PATH, the shared libraries its programs and libraries resolve (and those
 * they cannot), and what each version probe printed.
 *
 * @param executables    program name → path of the first match on PATH
 * @param lddAvailable   whether the image has {@code ldd}, so that libraries were checked at all
 * @param resolved       library name → where it resolves (from any program or library checked)
 * @param unresolved     file → the libraries it needs that do not resolve
 * @param versions       probe command → its output (absent from the map: the program is not there)
 */
record ImageInventory(Map<String, String> executables, boolean lddAvailable, Map<String, String> resolved,
                      Map<String, Set<String>> unresolved, Map<String, Version> versions) {

    /** What a version probe printed (stdout and stderr together) and its exit code. */
    record Version(String output, int exitCode) {
    }

    /** Where the script looks for shared libraries besides PATH: places apps and pip/npm/R install to. */
    static final List<String> LIBRARY_ROOTS = List.of("/usr/local", "/opt", "/app", "/srv", "/home",
            "/usr/lib/python3/dist-packages", "/usr/lib/R/site-library", "/usr/local/lib/R/site-library");

    private static final String MARK = "@@slimlab ";

    /** The POSIX shell script that prints the inventory; {@code probes} are shell commands. */
    static String script(List<String> probes, String workdir) {
        StringBuilder s = new StringBuilder();
        s.append("""
                set +e
                IFS=:
                for d in $PATH; do
                  [ -d "$d" ] || continue
                  for f in "$d"/*; do
                    [ -f "$f" ] && [ -x "$f" ] && printf 'X\\t%s\\t%s\\n' "${f##*/}" "$f"
                  done
                done
                unset IFS
                if command -v ldd >/dev/null 2>&1; then
                  echo '@@slimlab ldd'
                  {
                    IFS=:
                    for d in $PATH; do
                      [ -d "$d" ] || continue
                      for f in "$d"/*; do [ -f "$f" ] && [ -x "$f" ] && printf '%s\\n' "$f"; done
                    done
                    unset IFS
                    for r in""");
        for (String root : LIBRARY_ROOTS) {
            s.append(' ').append(quote(root));
        }
        if (!workdir.isBlank()) {
            s.append(' ').append(quote(workdir));
        }
        s.append("""
                ; do
                      [ -d "$r" ] && find "$r" -xdev -type f -name '*.so*' 2>/dev/null
                    done
                  } | xargs readlink -f 2>/dev/null | sort -u | while IFS= read -r f; do
                    ldd "$f" 2>/dev/null | while IFS= read -r line; do
                      case "$line" in
                        'Error loading shared library '*)
                          lib=${line#Error loading shared library }; printf 'N\\t%s\\t%s\\n' "$f" "${lib%%:*}" ;;
                        *' => '*)
                          set -f; set -- $line; set +f
                          if [ "$3" = not ]; then printf 'N\\t%s\\t%s\\n' "$f" "$1"; else printf 'R\\t%s\\t%s\\n' "$1" "$3"; fi ;;
                      esac
                    done
                  done | sort -u
                fi
                """);
        for (int i = 0; i < probes.size(); i++) {
            String program = probes.get(i).strip().split("\\s+", 2)[0];
            s.append("echo '").append(MARK).append("version ").append(i).append("'\n")
                    .append("if command -v ").append(quote(program)).append(" >/dev/null 2>&1; then (")
                    .append(probes.get(i)).append(") 2>&1 </dev/null; echo \"").append(MARK)
                    .append("exit $?\"; else echo '").append(MARK).append("absent'; fi\n");
        }
        return s.toString();
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Reads what {@link #script} printed. */
    static ImageInventory parse(String output, List<String> probes) {
        Map<String, String> executables = new TreeMap<>();
        Map<String, String> resolved = new TreeMap<>();
        Map<String, Set<String>> unresolved = new TreeMap<>();
        Map<String, Version> versions = new LinkedHashMap<>();
        boolean ldd = false;
        int probe = -1;
        List<String> probeOutput = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            if (probe >= 0) {
                if (line.startsWith(MARK + "exit ")) {
                    versions.put(probes.get(probe), new Version(String.join("\n", probeOutput).strip(),
                            Integer.parseInt(line.substring((MARK + "exit ").length()).strip())));
                    probe = -1;
                } else if (line.equals(MARK + "absent")) {
                    probe = -1;
                } else {
                    probeOutput.add(line);
                }
                continue;
            }
            if (line.startsWith(MARK + "version ")) {
                probe = Integer.parseInt(line.substring((MARK + "version ").length()).strip());
                probeOutput.clear();
            } else if (line.equals(MARK + "ldd")) {
                ldd = true;
            } else {
                String[] f = line.split("\t");
                if (f.length == 3 && f[0].equals("X")) {
                    executables.putIfAbsent(f[1], f[2]);
                } else if (f.length == 3 && f[0].equals("R")) {
                    resolved.putIfAbsent(f[1], f[2]);
                } else if (f.length == 3 && f[0].equals("N")) {
                    unresolved.computeIfAbsent(f[1], k -> new TreeSet<>()).add(f[2]);
                }
            }
        }
        return new ImageInventory(executables, ldd, resolved, unresolved, versions);
    }
}
