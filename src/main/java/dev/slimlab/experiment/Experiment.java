package dev.slimlab.experiment;

import dev.slimlab.optimize.Project;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An experiment to run: the original project (Dockerfile and what is known of its context),
 * the context folder to build in, the variants, and the settings.
 *
 * @param id       lower-case id; images are tagged {@code slimlab/<id>:<variant>}
 * @param project  the original Dockerfile with its context facts and optimization settings
 * @param context  the build context folder
 * @param variants the variants, in the order results are reported
 * @param settings how to build and measure
 */
public record Experiment(String id, Project project, Path context, List<VariantSpec> variants,
                        ExperimentSettings settings) {

    public Experiment {
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException("experiment id '" + id
                    + "' must be lower-case letters, digits, '.', '_' or '-' (it becomes an image name)");
        }
        variants = List.copyOf(variants);
        Set<String> names = new HashSet<>();
        for (VariantSpec v : variants) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("two variants are named " + v.name());
            }
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one variant");
        }
    }

    /** The tag of a variant's image. */
    public String tag(String variant) {
        return "slimlab/" + id + ":" + variant;
    }

    /** The id an experiment gets from its context folder's name: lower case, usable in an image tag. */
    public static String idFor(java.nio.file.Path contextDir) {
        java.nio.file.Path name = contextDir == null ? null : contextDir.toAbsolutePath().normalize().getFileName();
        String base = name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        return base.isEmpty() ? "experiment" : base.length() > 40 ? base.substring(0, 40) : base;
    }
}
