package dev.slimlab.experiment;

import java.util.Set;
import java.util.TreeSet;

/** A variant to build: its name and the optimizations it applies to the original. */
public record VariantSpec(String name, Set<String> optimizations) {

    public VariantSpec {
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("variant name '" + name
                    + "' must be lower-case letters, digits, '.', '_' or '-' (it becomes an image tag)");
        }
        optimizations = java.util.Collections.unmodifiableSet(new TreeSet<>(optimizations));
    }
}
