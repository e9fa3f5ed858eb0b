package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Official base images to their {@code -slim} variant: the same Debian release and language
 * build without compilers, headers and the tools a build rarely needs at run time. The story:
 * {@code python:3.10} (about 900 MB) → {@code python:3.10-slim} (about 150 MB).
 */
final class SlimBase extends BaseOptimization {

    SlimBase() {
        super("slim-base", "Official base images to their -slim variant", Category.BASE_IMAGE, Risk.LOW,
                "The -slim variant is the same Debian release with the same language build, without the "
                        + "compilers, headers and tools of the full image (gcc, make, git, curl, libpq-dev...): a "
                        + "build step or program that used one of them fails until it is installed explicitly.",
                null);
    }

    /** A stage this optimization moves, with its edit. */
    private record Site(Stage stage, BaseImageRewrite.Edit edit, String target) {
    }

    private List<Site> sites(Project project, List<Finding> findings) {
        BaseImageRewrite images = BaseImageRewrite.of(project);
        Map<Integer, String> targets = new LinkedHashMap<>();
        List<Finding> notApplicable = new ArrayList<>();
        for (BaseImageRewrite.Base base : images.bases()) {
            String reason = PackageScripts.ships(project.dockerfile(), base.stage()) ? reasonNotApplicable(base, images)
                    : "stage " + base.stage().name().orElse(String.valueOf(base.stage().index()))
                    + " is not part of the final image, only the files copied out of it are: a smaller base "
                    + "there saves nothing in the image and may lack the build tools the stage needs";
            if (reason != null) {
                notApplicable.add(notApplicable(base, reason));
                continue;
            }
            ImageReference image = base.image();
            ImageReference.Variant slim = ImageReference.slim(image.officialName(), image.tag());
            targets.put(base.stage().index(), image.with(slim).toString());
        }
        List<Site> sites = new ArrayList<>();
        List<Finding> all = new ArrayList<>(notApplicable);
        for (Map.Entry<Integer, String> target : targets.entrySet()) {
            BaseImageRewrite.Base base = images.bases().get(target.getKey());
            BaseImageRewrite.Plan plan = images.safePlan(base.stage(), ImageReference::slim, targets);
            if (plan.possible()) {
                sites.add(new Site(base.stage(), plan.edit(), target.getValue()));
                all.add(Finding.applies(id(), base.stage().from().line(), base.stage().from().logicalLine(),
                        "use " + target.getValue() + " instead of " + BaseImageRewrite.describe(base)
                                + (plan.edit().instruction() == base.stage().from() ? ""
                                : " (by changing the default of the ARG on line " + plan.edit().line() + ")")
                                + ": the -slim variant is the same Debian release without compilers, headers and "
                                + "build tools, often hundreds of MB smaller (in the story, python:3.10 → "
                                + "python:3.10-slim went from about 900 MB to 150 MB)"));
            } else {
                all.add(notApplicable(base, plan.reason()));
            }
        }
        all.sort(java.util.Comparator.comparingInt(Finding::line));
        findings.addAll(all);
        return sites;
    }

    /** Why the stage's base image has no -slim variant to move to, or null if it has one. */
    private static String reasonNotApplicable(BaseImageRewrite.Base base, BaseImageRewrite images) {
        if (base.namesStage()) {
            return "FROM " + base.written() + " names the earlier stage "
                    + images.bases().get(base.baseStage()).stage().name().orElse(base.written())
                    + "; that stage's own FROM is what counts";
        }
        return BaseImageRewrite.reasonWithoutVariant(base, "-slim", ImageReference::slim);
    }

    private Finding notApplicable(BaseImageRewrite.Base base, String reason) {
        return Finding.notApplicable(id(), base.stage().from().line(), base.stage().from().logicalLine(), reason);
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        sites(project, findings);
        return orNothingToDo(findings, "no FROM instruction");
    }

    @Override
    public Applied apply(Project project) {
        try {
            List<BaseImageRewrite.Edit> edits = new ArrayList<>();
            for (Site s : sites(project, new ArrayList<>())) {
                edits.add(s.edit());
            }
            List<EditBatch.Change> changes = new ArrayList<>();
            for (BaseImageRewrite.Edit edit : BaseImageRewrite.distinct(edits)) {
                changes.add(new EditBatch.Change(edit::addTo, List.of(new ChangeNote(id(), edit.line(), edit.note()))));
            }
            return EditBatch.apply(project, changes);
        } catch (RuntimeException e) {
            return Applied.unchanged(project); // never throw: a Dockerfile SlimLab cannot read is left as it is
        }
    }
}
