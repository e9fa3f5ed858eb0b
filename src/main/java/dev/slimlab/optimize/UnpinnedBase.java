package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ResolvedStage;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.Variables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lint, DL3006/DL3007: a FROM without a tag, or with {@code latest}, builds on whatever is newest that day. */
final class UnpinnedBase extends BaseOptimization {

    UnpinnedBase() {
        super("unpinned-base", "Pin the base image's version", Category.BASE_IMAGE, Risk.LOW,
                "Lint only: nothing is rewritten. Pinning a tag is safe; which tag to pin (the one that is "
                        + "latest today, or the one the image was tested with) is the team's decision.",
                "DL3006");
    }

    @Override
    public boolean lintOnly() {
        return true;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Stage> stages = project.dockerfile().stages();
        List<String> resolved = new ArrayList<>();
        List<Boolean> stageRefs = new ArrayList<>();
        boolean resolvedAll = false;
        try {
            for (ResolvedStage r : Variables.resolve(project.dockerfile(), project.buildArgs())) {
                resolved.add(r.baseImage());
                stageRefs.add(r.baseStage().isPresent());
            }
            resolvedAll = resolved.size() == stages.size();
        } catch (Exception e) {
            // fall back to the images as written
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Stage stage : stages) {
            String written = stage.baseImage();
            String image = resolvedAll ? resolved.get(stage.index()) : written;
            boolean stageRef = resolvedAll ? stageRefs.get(stage.index()) : names.contains(written.toLowerCase(Locale.ROOT));
            stage.name().ifPresent(names::add);
            String excerpt = stage.from().logicalLine();
            int line = stage.from().line();
            if (stageRef || image.equalsIgnoreCase("scratch")) {
                continue;
            }
            String via = image.equals(written) ? "" : " (" + written + " resolves to " + image + ")";
            String unset = unsetVariable(project, written);
            if (image.isEmpty() || image.contains("$") || !resolvedAll && written.contains("$") || unset != null) {
                findings.add(Finding.notApplicable(id(), line, excerpt, "the image " + written
                        + " depends on a build argument without a default" + (unset == null ? "" : " (" + unset + ")")
                        + ": pass --build-arg to check it"));
                continue;
            }
            if (image.contains("@")) {
                continue; // pinned by digest
            }
            int slash = image.lastIndexOf('/');
            int colon = image.indexOf(':', slash + 1);
            String tag = colon < 0 ? "" : image.substring(colon + 1);
            String name = colon < 0 ? image : image.substring(0, colon);
            if (tag.isEmpty()) {
                findings.add(Finding.applies(id(), line, excerpt, "FROM " + image + via + " has no tag, so it "
                        + "means " + name + ":latest — whatever is newest on the day of the build (DL3006): pin a "
                        + "version tag or a digest so that builds repeat"));
            } else if (tag.equals("latest")) {
                findings.add(Finding.applies(id(), line, excerpt, "FROM " + image + via + " follows latest, "
                        + "which moves with every release (DL3007): pin a version tag or a digest so that builds "
                        + "repeat"));
            }
        }
        return orNothingToDo(findings, "every FROM names a version tag, a digest, scratch or an earlier stage");
    }

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?=])?|([A-Za-z_][A-Za-z0-9_]*))");

    /** A variable the FROM line uses that has no value (no default, no build argument), or null. */
    private static String unsetVariable(Project project, String written) {
        Set<String> set = new HashSet<>(Variables.PLATFORM_ARGS.keySet());
        set.addAll(project.buildArgs().keySet());
        for (Instruction arg : project.dockerfile().globalArgs()) {
            for (String word : arg.args()) {
                int eq = word.indexOf('=');
                if (eq > 0) {
                    set.add(word.substring(0, eq));
                }
            }
        }
        Matcher m = VARIABLE.matcher(written);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String operator = m.group(2);
            boolean hasDefault = operator != null && (operator.endsWith("-") || operator.endsWith("="));
            if (!set.contains(name) && !hasDefault) {
                return name;
            }
        }
        return null;
    }

    @Override
    public Applied apply(Project project) {
        return Applied.unchanged(project);
    }
}
