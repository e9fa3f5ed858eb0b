package dev.slimlab.optimize;

import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellWord;
import java.util.ArrayList;
import java.util.List;

/** DL3015: {@code apt-get install} (and {@code apt install}) without the recommended extras. */
final class AptNoInstallRecommends extends BaseOptimization {

    AptNoInstallRecommends() {
        super("apt-no-install-recommends", "Install without recommended packages", Category.PACKAGE_MANAGER,
                Risk.LOW, "Only packages the named ones recommend are left out; a program that relied on "
                        + "one of them (say ca-certificates for HTTPS) fails until it is named explicitly.",
                "DL3015");
    }

    private record Site(RunScript run, ShellCommand command, ShellWord install) {
    }

    private static List<Site> sites(Project project) {
        List<Site> sites = new ArrayList<>();
        for (RunScript run : RunScript.of(project.dockerfile())) {
            for (ShellCommand c : run.script().commands()) {
                if ((c.runs("apt-get", "install") || c.runs("apt", "install"))
                        && !c.hasArgument("--no-install-recommends") && !c.hasArgument("--install-recommends=no")) {
                    sites.add(new Site(run, c, c.subcommand().orElseThrow()));
                }
            }
        }
        return sites;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Site s : sites(project)) {
            findings.add(Finding.applies(id(), s.run().line(), s.run().excerpt(s.command()),
                    "add --no-install-recommends: apt also installs every recommended package otherwise"));
        }
        return orNothingToDo(findings, "no apt-get install without --no-install-recommends");
    }

    @Override
    public Applied apply(Project project) {
        List<Site> sites = sites(project);
        if (sites.isEmpty()) {
            return Applied.unchanged(project);
        }
        DockerfileEditor editor = project.dockerfile().editor();
        List<ChangeNote> notes = new ArrayList<>();
        for (Site s : sites) {
            s.run().insert(editor, s.install().end(), " --no-install-recommends");
            notes.add(new ChangeNote(id(), s.run().line(), s.run().excerpt(s.command()) + " → --no-install-recommends added"));
        }
        return new Applied(project.withDockerfile(editor.apply()), notes);
    }
}
