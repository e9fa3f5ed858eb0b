package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ResolvedStage;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellLex;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.ShellWord;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.TextRange;
import dev.slimlab.dockerfile.Variables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base images of a project's stages as BuildKit pulls them (ARGs and build arguments
 * expanded), and the edit that moves one to another tag: the FROM as written
 * ({@code python:${PY}} → {@code python:${PY}-slim}), or the default of the global ARG that
 * names the whole image ({@code FROM ${BASE_IMAGE}}). Every edit is checked by expanding the
 * edited file again: it must give the expected image, and change no other stage's image but to
 * that stage's own target.
 */
final class BaseImageRewrite {

    private static final Pattern WHOLE_VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    /**
     * What a stage is built FROM.
     *
     * @param stage       the stage
     * @param written     the base image as written
     * @param image       the base image with variables expanded, or null (then {@code problem} says why)
     * @param baseStage   the earlier stage it names, or -1
     * @param problem     why the image could not be read, or null
     */
    record Base(Stage stage, String written, ImageReference image, int baseStage, String problem) {

        boolean namesStage() {
            return baseStage >= 0;
        }
    }

    /** One text edit of the Dockerfile, described for a change note. */
    record Edit(Instruction instruction, TextRange range, String text, String note) {

        void addTo(DockerfileEditor editor) {
            editor.edit(instruction, range, text);
        }

        int line() {
            return instruction.line();
        }

        /** Same place, same text: two stages sharing an ARG default make one edit. */
        boolean sameAs(Edit other) {
            return instruction == other.instruction && range.equals(other.range) && text.equals(other.text);
        }
    }

    /** An edit, or why there is none. */
    record Plan(Edit edit, String reason) {

        boolean possible() {
            return edit != null;
        }
    }

    private final Project project;
    private final List<ResolvedStage> resolved;
    private final List<Base> bases;

    private BaseImageRewrite(Project project) {
        this.project = project;
        this.resolved = resolve(project.dockerfile(), project.buildArgs()).orElse(null);
        this.bases = readBases();
    }

    static BaseImageRewrite of(Project project) {
        return new BaseImageRewrite(project);
    }

    private static Optional<List<ResolvedStage>> resolve(Dockerfile dockerfile, Map<String, String> buildArgs) {
        try {
            return Optional.of(Variables.resolve(dockerfile, buildArgs));
        } catch (ShellLex.ExpansionException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private List<Base> readBases() {
        List<Base> list = new ArrayList<>();
        List<Stage> stages = project.dockerfile().stages();
        Map<String, Integer> names = new HashMap<>();
        for (Stage stage : stages) {
            String written = stage.baseImage();
            String image;
            int baseStage;
            if (resolved != null && stage.index() < resolved.size()) {
                ResolvedStage r = resolved.get(stage.index());
                image = r.baseImage();
                baseStage = r.baseStage().orElse(-1);
            } else if (!written.contains("$")) {
                image = written;
                baseStage = names.getOrDefault(written.toLowerCase(Locale.ROOT), -1);
            } else {
                list.add(new Base(stage, written, null, -1, "the variables of FROM " + written + " cannot be expanded"));
                stage.name().ifPresent(n -> names.put(n, stage.index()));
                continue;
            }
            Optional<ImageReference> ref = ImageReference.parse(image);
            String problem = ref.isEmpty() && baseStage < 0
                    ? "FROM " + written + (written.equals(image) ? "" : " (" + image + ")") + " names no image" : null;
            list.add(new Base(stage, written, ref.orElse(null), baseStage, problem));
            stage.name().ifPresent(n -> names.put(n, stage.index()));
        }
        return list;
    }

    List<Base> bases() {
        return bases;
    }

    Base base(Stage stage) {
        return bases.get(stage.index());
    }

    /** The first stage of the chain {@code stage} is built on ({@code FROM build} → build's own base). */
    int root(int stage) {
        int at = stage;
        for (int guard = 0; guard <= bases.size() && bases.get(at).namesStage(); guard++) {
            at = bases.get(at).baseStage();
        }
        return at;
    }

    /**
     * Why the stage's base image has no variant of the given kind to move to, or null if it has
     * one: a problem resolving it, scratch, not an official image, pinned by digest, or no such
     * variant published.
     */
    static String reasonWithoutVariant(Base base, String kind, BiFunction<String, String, ImageReference.Variant> variantOf) {
        if (base.problem() != null) {
            return base.problem();
        }
        ImageReference image = base.image();
        if (image.officialName().equals("scratch") && image.registry().isEmpty() && image.namespace().isEmpty()) {
            return "FROM scratch is an empty image: there is nothing to change";
        }
        if (!image.isOfficial()) {
            return describe(base) + " is not an official Docker Hub image; "
                    + "SlimLab knows the " + kind + " variants of the official images only";
        }
        ImageReference.Variant variant = variantOf.apply(image.officialName(), image.tag());
        if (image.hasDigest()) {
            return describe(base) + " is pinned by digest: the " + kind + " variant has another digest"
                    + (variant.exists() ? "; pin " + image.with(variant) + " by its own digest" : "");
        }
        return variant.exists() ? null : variant.reason();
    }

    /** The expanded image text of a stage, for messages. */
    static String describe(Base base) {
        String image = base.image() == null ? base.written() : base.image().toString();
        return base.written().equals(image) ? image : base.written() + " (" + image + ")";
    }

    /**
     * Plans the edit that moves {@code stage} to the variant {@code rule} names.
     *
     * @param targets the image every stage this optimization moves should end up with, by stage index
     */
    Plan plan(Stage stage, ImageReference.VariantRule rule, Map<Integer, String> targets) {
        Base base = base(stage);
        String expected = targets.get(stage.index());
        if (base.image() == null || expected == null) {
            return new Plan(null, "no target image for FROM " + base.written());
        }
        Instruction from = stage.from();
        String failure = "FROM " + base.written() + " is built from variables in a way SlimLab cannot rewrite; "
                + "name " + expected + " there";
        // 1. the FROM as written
        Optional<ImageReference> written = ImageReference.parse(base.written());
        Optional<List<TextRange>> ranges = from.argRanges();
        if (written.isPresent() && ranges.isPresent() && !ranges.get().isEmpty()) {
            String rewritten = rewriteWritten(written.get(), base.image(), rule);
            if (rewritten != null && !rewritten.equals(base.written())) {
                Edit edit = new Edit(from, ranges.get().get(0), rewritten, "FROM " + base.written() + " → " + rewritten
                        + (base.written().equals(base.image().toString()) ? ""
                        : " (" + base.image() + " → " + expected + ")"));
                boolean literal = !base.written().contains("$") && base.written().equals(base.image().toString());
                if (literal && resolved == null || checks(edit, stage.index(), targets)) {
                    return new Plan(edit, null);
                }
            }
        }
        // 2. FROM ${VAR}: the global ARG's default
        Matcher whole = WHOLE_VARIABLE.matcher(base.written());
        if (whole.matches()) {
            String name = whole.group(1) != null ? whole.group(1) : whole.group(2);
            if (project.buildArgs().containsKey(name)) {
                return new Plan(null, "the image of FROM " + base.written() + " comes from the build argument "
                        + name + "=" + project.buildArgs().get(name) + "; pass " + expected + " instead");
            }
            Optional<Edit> edit = argDefaultEdit(name, base, rule, expected);
            if (edit.isEmpty()) {
                return new Plan(null, "the image of FROM " + base.written() + " comes from ARG " + name
                        + ", which has no default SlimLab can rewrite; set it to " + expected);
            }
            if (checks(edit.get(), stage.index(), targets)) {
                return new Plan(edit.get(), null);
            }
        }
        return new Plan(null, failure);
    }

    /** {@link #plan}, with an unexpected failure turned into a reason. */
    Plan safePlan(Stage stage, ImageReference.VariantRule rule, Map<Integer, String> targets) {
        try {
            return plan(stage, rule, targets);
        } catch (RuntimeException e) {
            return new Plan(null, "FROM " + base(stage).written() + " could not be rewritten: " + e.getMessage());
        }
    }

    /** Applies the rule to the written reference; null if the written text cannot take it. */
    private static String rewriteWritten(ImageReference written, ImageReference image, ImageReference.VariantRule rule) {
        ImageReference.Variant variant = rule.of(image.officialName(), written.tag());
        if (variant == null || !variant.exists()) {
            return null;
        }
        ImageReference out;
        if (variant.name().equals(image.officialName())) {
            out = new ImageReference(written.registry(), written.namespace(), written.name(), variant.tag(), "");
        } else if (written.name().equals(image.name())) {
            out = new ImageReference(written.registry(), written.namespace(), variant.name(), variant.tag(), "");
        } else {
            return null; // a new name, but the name is written with variables
        }
        return out.toString();
    }

    /** The edit of {@code ARG name=default} (the last global ARG that gives one). */
    private Optional<Edit> argDefaultEdit(String name, Base base, ImageReference.VariantRule rule, String expected) {
        Instruction declaring = null;
        ShellWord word = null;
        for (Instruction arg : project.dockerfile().globalArgs()) {
            Optional<TextRange> range = arg.argumentsRange();
            if (range.isEmpty()) {
                continue;
            }
            for (ShellCommand c : ShellScript.parse(arg.arguments(), range.get().start()).commands()) {
                for (ShellWord w : c.assignments()) {
                    if (w.raw().startsWith(name + "=")) {
                        declaring = arg;
                        word = w;
                    }
                }
            }
        }
        if (declaring == null) {
            return Optional.empty();
        }
        String value = word.raw().substring(name.length() + 1);
        int start = word.start() + name.length() + 1;
        int end = word.end();
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
            start++;
            end--;
        }
        Optional<ImageReference> written = ImageReference.parse(value);
        if (written.isEmpty() || value.contains("\"") || value.contains("'")) {
            return Optional.empty();
        }
        String rewritten = rewriteWritten(written.get(), base.image(), rule);
        if (rewritten == null || rewritten.equals(value)) {
            return Optional.empty();
        }
        String stageText = "FROM " + base.written() + " on line " + base.stage().from().line();
        return Optional.of(new Edit(declaring, new TextRange(start, end), rewritten,
                "ARG " + name + "=" + value + " → " + rewritten + " (the base image of " + stageText + ")"));
    }

    /** True if the edit gives the stage its target and moves no other stage but to its own target. */
    private boolean checks(Edit edit, int stage, Map<Integer, String> targets) {
        try {
            Dockerfile edited = project.dockerfile().edit(edit.instruction(), edit.range(), edit.text());
            Optional<List<ResolvedStage>> after = resolve(edited, project.buildArgs());
            if (after.isEmpty() || after.get().size() != bases.size()) {
                return false;
            }
            for (int i = 0; i < bases.size(); i++) {
                String now = after.get().get(i).baseImage();
                String was = resolved != null ? resolved.get(i).baseImage() : bases.get(i).written();
                boolean ok = i == stage ? now.equals(targets.get(i))
                        : now.equals(was) || now.equals(targets.get(i));
                if (!ok) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Adds each edit once (stages that share an ARG default share its edit); returns the distinct edits. */
    static List<Edit> distinct(List<Edit> edits) {
        List<Edit> out = new ArrayList<>();
        for (Edit e : edits) {
            if (out.stream().noneMatch(e::sameAs)) {
                out.add(e);
            }
        }
        return out;
    }
}
