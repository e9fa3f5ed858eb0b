package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An ENV or ARG name one slip away from a well-known variable ({@code PYTHONUBUFFERED} for
 * {@code PYTHONUNBUFFERED}), renamed to that variable. As written the setting does nothing;
 * renamed it takes effect, and whatever read the misspelled name no longer finds it: the rewrite
 * that broke the app in SlimLab's founding story.
 */
final class EnvTypo extends BaseOptimization {

    /** Variables that programs, runtimes and package managers read; a near miss of one is suspicious. */
    static final List<String> WELL_KNOWN = List.of(
            "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "PYTHONHOME", "PYTHONHASHSEED",
            "PYTHONIOENCODING", "PYTHONFAULTHANDLER", "PIP_NO_CACHE_DIR", "PIP_DISABLE_PIP_VERSION_CHECK",
            "PIP_DEFAULT_TIMEOUT", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "VIRTUAL_ENV", "POETRY_VIRTUALENVS_CREATE",
            "DEBIAN_FRONTEND", "NODE_ENV", "NODE_OPTIONS", "NPM_CONFIG_LOGLEVEL", "NPM_CONFIG_PRODUCTION",
            "YARN_CACHE_FOLDER", "JAVA_HOME", "JAVA_OPTS", "JAVA_TOOL_OPTIONS", "MAVEN_OPTS", "GRADLE_OPTS",
            "LANG", "LANGUAGE", "LC_ALL", "TZ", "PATH", "HOME", "LD_LIBRARY_PATH", "GOPATH", "GOFLAGS", "GOPROXY",
            "GOOS", "GOARCH", "CGO_ENABLED", "RAILS_ENV", "RACK_ENV", "BUNDLE_WITHOUT", "SSL_CERT_FILE",
            "REQUESTS_CA_BUNDLE");

    EnvTypo() {
        super("env-typo", "Misspelled well-known variables", Category.RUNTIME_DEPENDENCIES, Risk.HIGH,
                "Renaming a misspelled variable changes behaviour: the setting takes effect for the first time "
                        + "(PYTHONUNBUFFERED changes how Python writes its output), and code that reads the "
                        + "misspelled name (an entrypoint script, the app itself) no longer finds it. References "
                        + "to the old name elsewhere in the Dockerfile are left as written.",
                null);
    }

    /**
     * A declaration to rename.
     *
     * @param declared   the ENV or ARG declaration
     * @param range      where its name stands in the logical line
     * @param intended   the well-known name it is a near miss of
     * @param references the lines of the Dockerfile that refer to the misspelled name ({@code $NAME}, {@code ${NAME}})
     */
    private record Site(DockerfileFacts.Declared declared, TextRange range, String intended, Set<Integer> references) {

        String kind() {
            return declared.isEnv() ? "ENV" : "ARG";
        }

        String name() {
            return declared.name();
        }

        int line() {
            return declared.instruction().line();
        }
    }

    private List<Site> sites(Project project, List<Finding> skipped) {
        Dockerfile dockerfile = project.dockerfile();
        List<DockerfileFacts.Declared> declarations = DockerfileFacts.declaredVariables(dockerfile);
        Set<String> declaredNames = new TreeSet<>();
        declarations.forEach(d -> declaredNames.add(d.name()));
        Set<String> known = Set.copyOf(WELL_KNOWN);
        List<Site> sites = new ArrayList<>();
        for (DockerfileFacts.Declared d : declarations) {
            String name = d.name();
            if (name.isEmpty() || known.contains(name) || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            String intended = intended(name);
            if (intended == null) {
                continue;
            }
            String kind = d.isEnv() ? "ENV" : "ARG";
            int line = d.instruction().line();
            if (declaredNames.contains(intended)) {
                skipped.add(Finding.notApplicable(id(), line, d.excerptWithoutValue(), kind + " " + name
                        + " looks like a misspelling of " + intended + ", but the Dockerfile declares " + intended
                        + " as well: the misspelled name looks kept on purpose (for code that still reads it), "
                        + "and renaming it would only remove it"));
                continue;
            }
            TextRange range = d.nameRange().orElse(null);
            if (range == null) {
                skipped.add(Finding.notApplicable(id(), line, d.excerptWithoutValue(), kind + " " + name
                        + " looks like a misspelling of " + intended + ", but its name cannot be edited in place"));
                continue;
            }
            sites.add(new Site(d, range, intended, references(dockerfile, name)));
        }
        return sites;
    }

    /** The lines of instructions that refer to {@code $name} or {@code ${name...}}. */
    private static Set<Integer> references(Dockerfile dockerfile, String name) {
        Pattern reference = Pattern.compile("\\$\\{?" + name + "(?![A-Za-z0-9_])");
        Set<Integer> lines = new TreeSet<>();
        for (Instruction i : dockerfile.instructions()) {
            if (reference.matcher(i.text()).find()) {
                lines.add(i.line());
            }
        }
        return lines;
    }

    /** {@code $NAME on lines 4, 9}. */
    private static String referenceText(Site s) {
        List<String> lines = s.references().stream().map(String::valueOf).toList();
        return "$" + s.name() + " on line" + (lines.size() > 1 ? "s " : " ") + String.join(", ", lines);
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        List<Site> sites = sites(project, findings);
        for (Site s : sites) {
            findings.add(Finding.applies(id(), s.line(), s.declared().excerptWithoutValue(),
                    s.kind() + " " + s.name() + " looks like a misspelling of " + s.intended() + ": as written it "
                            + "has no effect, since programs read " + s.intended() + ". Renaming it CHANGES "
                            + "behaviour — " + s.intended() + " takes effect for the first time, and an app or "
                            + "script may even read the misspelled " + s.name() + " — so rename it deliberately "
                            + "and test the image, never silently"
                            + (s.references().isEmpty() ? ""
                                    : ". The rewrite leaves " + referenceText(s) + " as written")));
        }
        findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return orNothingToDo(findings, "no ENV or ARG name looks like a misspelled well-known variable");
    }

    @Override
    public Applied apply(Project project) {
        List<EditBatch.Change> changes = new ArrayList<>();
        for (Site s : sites(project, new ArrayList<>())) {
            String effect = s.declared().isEnv()
                    ? s.intended() + " now takes effect, and whatever read " + s.name() + " no longer finds it"
                    : s.intended() + " now takes effect, and --build-arg " + s.name() + " no longer sets it";
            changes.add(new EditBatch.Change(
                    editor -> editor.edit(s.declared().instruction(), s.range(), s.intended()),
                    List.of(new ChangeNote(id(), s.line(), s.kind() + " " + s.name() + " → " + s.intended() + " ("
                            + effect + ")" + (s.references().isEmpty() ? "" : "; " + referenceText(s)
                            + " left as written")))));
        }
        return EditBatch.apply(project, changes);
    }

    /** The well-known variable {@code name} is a near miss of, or null. */
    static String intended(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : WELL_KNOWN) {
            int distance;
            if (name.equalsIgnoreCase(known)) {
                distance = 0; // the case differs: variables are case-sensitive
            } else {
                distance = distance(name, known);
                if (distance > allowed(known)) {
                    continue;
                }
            }
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * How far a name may be from a well-known one and still count as a slip: short names only by
     * their case or two swapped letters ({@code TZ} vs {@code ZT}), middling ones by one letter,
     * long ones by two.
     */
    private static int allowed(String known) {
        if (known.length() <= 3) {
            return 0;
        }
        return known.length() < 8 ? 1 : 2;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment), case-sensitive. */
    static int distance(String a, String b) {
        if (a.length() <= 3 || b.length() <= 3) { // short names: only a swap counts
            return isSwap(a, b) ? 0 : Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean isSwap(String a, String b) {
        String x = a.toUpperCase(Locale.ROOT);
        String y = b.toUpperCase(Locale.ROOT);
        if (x.length() != y.length() || x.equals(y)) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                first = i;
                break;
            }
        }
        return first + 1 < x.length() && x.charAt(first) == y.charAt(first + 1) && x.charAt(first + 1) == y.charAt(first)
                && x.substring(first + 2).equals(y.substring(first + 2));
    }
}
