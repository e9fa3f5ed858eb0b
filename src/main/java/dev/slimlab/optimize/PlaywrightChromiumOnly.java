package dev.slimlab.optimize;

import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code playwright install} without a browser name downloads Chromium, Firefox and WebKit; this
 * names only the browsers the user keeps ({@link Project#playwrightBrowsers()}, chromium by
 * default): {@code npx playwright install --with-deps} → {@code npx playwright install --with-deps chromium}.
 */
final class PlaywrightChromiumOnly extends BaseOptimization {

    private static final Pattern PYTHON = Pattern.compile("python(3(\\.\\d+)?)?");
    private static final Pattern PLAYWRIGHT_PACKAGE = Pattern.compile("(playwright|@playwright/test)(@.*)?");
    private static final Pattern BROWSER = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> ALL_BROWSERS = Set.of("chromium", "firefox", "webkit");
    /** Options of npx, npm exec, pnpm and yarn that take a value as the next word. */
    private static final Set<String> RUNNER_OPTIONS_WITH_VALUE = Set.of("-p", "--package", "-c", "--call", "-w",
            "--workspace", "-C", "--dir", "--filter", "--cwd");

    PlaywrightChromiumOnly() {
        super("playwright-chromium-only", "Install only the Playwright browsers the tests use",
                Category.RUNTIME_DEPENDENCIES, Risk.HIGH,
                "Every browser costs space (all of them about 1 GB with their system libraries), but a test or "
                        + "program that launches a browser left out fails at run time (\"Executable doesn't exist\"): "
                        + "in the story, a staging suite needed Firefox. Name every browser the tests use.",
                null);
    }

    /** A {@code playwright install} command: its {@code install} word and the words after it. */
    private record Install(ShellWord install, List<ShellWord> rest) {

        List<String> browsers() {
            return rest.stream().map(ShellWord::value).filter(v -> !v.startsWith("-")).toList();
        }

        ShellWord last() {
            return rest.isEmpty() ? install : rest.get(rest.size() - 1);
        }

        boolean depsOnly() {
            return install.value().equals("install-deps");
        }
    }

    private record Site(RunScript run, ShellCommand command, Install install, String browsers) {
    }

    /** The {@code install} of a Playwright install command, in any of the ways it is run. */
    static Optional<Install> playwrightInstall(ShellCommand c) {
        List<ShellWord> words = c.commandWords();
        String program = c.programName().orElse("");
        int playwright = -1;
        if (program.equals("playwright")) {
            playwright = 0;
        } else if (program.equals("npx") || program.equals("bunx")) {
            playwright = packageAt(words, 1);
        } else if (PYTHON.matcher(program).matches()) {
            for (int i = 1; i + 1 < words.size(); i++) {
                if (words.get(i).value().equals("-m")) {
                    playwright = words.get(i + 1).value().equals("playwright") ? i + 1 : -1;
                    break;
                }
            }
        } else if (program.equals("pnpm") || program.equals("yarn") || program.equals("npm")) {
            int next = nextNonOption(words, 1);
            if (next >= 0 && Set.of("exec", "dlx", "x").contains(words.get(next).value())) {
                next = nextNonOption(words, next + 1);
            } else if (program.equals("npm")) {
                next = -1; // npm runs packages only through exec
            }
            playwright = next >= 0 && PLAYWRIGHT_PACKAGE.matcher(words.get(next).value()).matches() ? next : -1;
        }
        if (playwright < 0 || playwright + 1 >= words.size()) {
            return Optional.empty();
        }
        ShellWord install = words.get(playwright + 1);
        if (!install.value().equals("install") && !install.value().equals("install-deps")) {
            return Optional.empty();
        }
        return Optional.of(new Install(install, words.subList(playwright + 2, words.size())));
    }

    private static int packageAt(List<ShellWord> words, int from) {
        int next = nextNonOption(words, from);
        return next >= 0 && PLAYWRIGHT_PACKAGE.matcher(words.get(next).value()).matches() ? next : -1;
    }

    /** The index of the first word from {@code from} that is no option (nor an option's value, nor {@code --}). */
    private static int nextNonOption(List<ShellWord> words, int from) {
        for (int i = from; i < words.size(); i++) {
            String v = words.get(i).value();
            if (RUNNER_OPTIONS_WITH_VALUE.contains(v)) {
                i++;
            } else if (!v.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    /** The browsers to keep, as they will be written: the user's choice, chromium if none is usable. */
    private static List<String> browsers(Project project) {
        List<String> chosen = project.playwrightBrowsers().stream().map(String::trim)
                .filter(b -> BROWSER.matcher(b).matches()).distinct().toList();
        return chosen.isEmpty() ? List.of("chromium") : chosen;
    }

    private List<Site> sites(Project project, List<Finding> findings) {
        List<String> keep = browsers(project);
        String browsers = String.join(" ", keep);
        boolean everyBrowser = keep.containsAll(ALL_BROWSERS);
        List<Site> sites = new ArrayList<>();
        for (RunScript run : RunScript.of(project.dockerfile())) {
            for (ShellCommand c : run.script().commands()) {
                Optional<Install> found = playwrightInstall(c);
                if (found.isEmpty()) {
                    continue;
                }
                Install install = found.get();
                String excerpt = run.excerpt(c);
                if (!install.browsers().isEmpty()) {
                    findings.add(Finding.notApplicable(id(), run.line(), excerpt,
                            "the browsers are named already: " + String.join(", ", install.browsers())));
                } else if (everyBrowser) {
                    findings.add(Finding.notApplicable(id(), run.line(), excerpt,
                            "the browsers to keep (" + String.join(", ", keep) + ") are all of them"));
                } else {
                    sites.add(new Site(run, c, install, browsers));
                    findings.add(Finding.applies(id(), run.line(), excerpt, "name " + browsers + ": playwright "
                            + install.install().value() + " without a browser name "
                            + (install.depsOnly() ? "installs the system libraries of" : "downloads")
                            + " Chromium, Firefox and WebKit (all of them about 1 GB with their system libraries)"));
                }
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.nothingToDo(id(), "no playwright install"));
        }
        return sites;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        sites(project, findings);
        return findings;
    }

    @Override
    public Applied apply(Project project) {
        try {
            List<EditBatch.Change> changes = new ArrayList<>();
            for (Site s : sites(project, new ArrayList<>())) {
                String before = s.run().excerpt(s.command()).replaceAll("\\s+", " ").trim();
                int end = s.install().last().end();
                String after = (s.run().script().textOf(new TextRange(s.command().start(), end))
                        + " " + s.browsers() + s.run().script().textOf(new TextRange(end, s.command().end())))
                        .replaceAll("\\s+", " ").trim();
                changes.add(new EditBatch.Change(editor -> s.run().insert(editor, end, " " + s.browsers()),
                        List.of(new ChangeNote(id(), s.run().line(), before + " → " + after))));
            }
            return EditBatch.apply(project, changes);
        } catch (RuntimeException e) {
            return Applied.unchanged(project); // never throw: a Dockerfile SlimLab cannot read is left as it is
        }
    }
}
