package dev.slimlab.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lint: an ENV or ARG name one slip away from a well-known variable ({@code PYTHONUBUFFERED} for
 * {@code PYTHONUNBUFFERED}). As written it does nothing; fixing it changes what the image does.
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
        super("env-typo", "Misspelled well-known variables", Category.RUNTIME_DEPENDENCIES, Risk.LOW,
                "Lint only: nothing is rewritten. Fixing a misspelled variable changes behaviour — the setting "
                        + "takes effect for the first time — so it is a decision to make and test, not a cleanup.",
                null);
    }

    @Override
    public boolean lintOnly() {
        return true;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        Set<String> known = Set.copyOf(WELL_KNOWN);
        for (DockerfileFacts.Declared d : DockerfileFacts.declaredVariables(project.dockerfile())) {
            String name = d.name();
            if (name.isEmpty() || known.contains(name) || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            String intended = intended(name);
            if (intended != null) {
                String kind = d.isEnv() ? "ENV" : "ARG";
                findings.add(Finding.applies(id(), d.instruction().line(), d.excerptWithoutValue(),
                        kind + " " + name + " looks like a misspelling of " + intended + ": as written it has no "
                                + "effect, since programs read " + intended + ". Fixing it CHANGES behaviour — "
                                + intended + " takes effect for the first time, and an app or script may even read "
                                + "the misspelled " + name + " — so fix it deliberately and test the image, never "
                                + "silently."));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.nothingToDo(id(), "no ENV or ARG name looks like a misspelled well-known variable"));
        }
        return findings;
    }

    @Override
    public Applied apply(Project project) {
        return Applied.unchanged(project);
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
