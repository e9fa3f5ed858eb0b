package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lint, DL3020: ADD of plain local files and folders, where COPY says exactly what happens. */
final class AddInsteadOfCopy extends BaseOptimization {

    private static final List<String> ARCHIVES = List.of(".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2",
            ".tbz2", ".tbz", ".tar.zst");

    AddInsteadOfCopy() {
        super("add-instead-of-copy", "COPY instead of ADD for local files", Category.BUILD_CONTEXT, Risk.LOW,
                "Lint only: nothing is rewritten. For plain files and folders COPY does exactly what ADD does; "
                        + "the difference is that ADD would also unpack a tar archive or download a URL.",
                "DL3020");
    }

    @Override
    public boolean lintOnly() {
        return true;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Instruction i : project.dockerfile().instructions()) {
            if (!i.is("add")) {
                continue;
            }
            if (!i.heredocs().isEmpty()) {
                continue; // ADD <<EOF writes inline content, as COPY <<EOF would
            }
            DockerfileFacts.Copy add = DockerfileFacts.copy(i).orElse(null);
            if (add == null) {
                continue;
            }
            String remote = add.sources().stream().filter(AddInsteadOfCopy::isRemote).findFirst().orElse(null);
            String archive = add.sources().stream().filter(AddInsteadOfCopy::isArchive).findFirst().orElse(null);
            String variable = add.sources().stream().filter(s -> s.contains("$")).findFirst().orElse(null);
            if (remote != null) {
                findings.add(Finding.notApplicable(id(), i.line(), i.logicalLine(), "ADD downloads " + remote
                        + ": COPY cannot fetch URLs (a RUN with curl, or ADD --checksum, pins what is fetched)"));
            } else if (archive != null) {
                findings.add(Finding.notApplicable(id(), i.line(), i.logicalLine(), "ADD unpacks the local archive "
                        + archive + " into the image; COPY would copy the archive as it is"));
            } else if (variable != null) {
                findings.add(Finding.notApplicable(id(), i.line(), i.logicalLine(), "the source " + variable
                        + " is a variable: SlimLab cannot tell whether it is an archive or a URL"));
            } else {
                findings.add(Finding.applies(id(), i.line(), i.logicalLine(), "use COPY: " + String.join(" ",
                        add.sources()) + (add.sources().size() == 1 ? " is a plain local file or folder" : " are plain "
                        + "local files or folders") + ", and ADD's extra powers (unpacking tar archives, "
                        + "downloading URLs) only make it harder to see what the instruction does (DL3020)"));
            }
        }
        return orNothingToDo(findings, "no ADD of local files or folders");
    }

    @Override
    public Applied apply(Project project) {
        return Applied.unchanged(project);
    }

    static boolean isRemote(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.contains("://") || s.startsWith("git@");
    }

    static boolean isArchive(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return ARCHIVES.stream().anyMatch(s::endsWith);
    }
}
