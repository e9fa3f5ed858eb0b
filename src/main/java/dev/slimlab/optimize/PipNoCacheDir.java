package dev.slimlab.optimize;

import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** DL3042: {@code pip install} without keeping pip's download cache in the layer. */
final class PipNoCacheDir extends BaseOptimization {

    private static final Pattern PIP = Pattern.compile("pip(3(\\.\\d+)?)?");
    private static final Pattern PYTHON = Pattern.compile("python(3(\\.\\d+)?)?");

    PipNoCacheDir() {
        super("pip-no-cache-dir", "pip install without its cache", Category.PACKAGE_MANAGER, Risk.LOW,
                "The cache only speeds up later installs in the same container; a build that installs "
                        + "the same wheels twice downloads them twice.",
                "DL3042");
    }

    private record Site(RunScript run, ShellCommand command, ShellWord install) {
    }

    /** The {@code install} word of a pip install: {@code pip install}, {@code python3 -m pip install}. */
    static Optional<ShellWord> pipInstall(ShellCommand c) {
        List<ShellWord> words = c.commandWords();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String program = c.programName().orElse("");
        int from;
        if (PIP.matcher(program).matches()) {
            from = 1;
        } else if (PYTHON.matcher(program).matches()) {
            int m = indexOf(words, "-m");
            if (m < 0 || m + 1 >= words.size() || !words.get(m + 1).value().equals("pip")) {
                return Optional.empty();
            }
            from = m + 2;
        } else {
            return Optional.empty();
        }
        return words.subList(from, words.size()).stream().filter(w -> !w.value().startsWith("-")).findFirst()
                .filter(w -> w.value().equals("install"));
    }

    private static int indexOf(List<ShellWord> words, String value) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private List<Site> sites(Project project, List<Finding> skipped) {
        List<Site> sites = new ArrayList<>();
        for (RunScript run : RunScript.of(project.dockerfile())) {
            for (ShellCommand c : run.script().commands()) {
                Optional<ShellWord> install = pipInstall(c);
                if (install.isEmpty() || c.hasArgument("--no-cache-dir")) {
                    continue;
                }
                Optional<String> mount = PackageScripts.cacheMountOf(run.instruction(), CacheMounts.PIP_CACHE, "/.cache/pip");
                if (mount.isPresent()) {
                    skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(c),
                            "the RUN mounts a build cache at " + mount.get() + ": pip's cache is not stored in the image"));
                } else if (c.assignments().stream().anyMatch(a -> a.value().startsWith("PIP_NO_CACHE_DIR="))
                        || Optimizations.stageSetsEnv(run.stage(), "PIP_NO_CACHE_DIR")) {
                    skipped.add(Finding.notApplicable(id(), run.line(), run.excerpt(c),
                            "PIP_NO_CACHE_DIR is set: pip keeps no cache already"));
                } else {
                    sites.add(new Site(run, c, install.get()));
                }
            }
        }
        return sites;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Site s : sites(project, findings)) {
            findings.add(Finding.applies(id(), s.run().line(), s.run().excerpt(s.command()),
                    "add --no-cache-dir: pip keeps every downloaded wheel in ~/.cache/pip otherwise"));
        }
        return orNothingToDo(findings, "no pip install that keeps its cache");
    }

    @Override
    public Applied apply(Project project) {
        List<Site> sites = sites(project, new ArrayList<>());
        if (sites.isEmpty()) {
            return Applied.unchanged(project);
        }
        DockerfileEditor editor = project.dockerfile().editor();
        List<ChangeNote> notes = new ArrayList<>();
        for (Site s : sites) {
            s.run().insert(editor, s.install().end(), " --no-cache-dir");
            notes.add(new ChangeNote(id(), s.run().line(), s.run().excerpt(s.command()) + " → --no-cache-dir added"));
        }
        return new Applied(project.withDockerfile(editor.apply()), notes);
    }
}
