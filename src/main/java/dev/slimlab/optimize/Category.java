package dev.slimlab.optimize;

/** What an optimization works on. */
public enum Category {
    BASE_IMAGE("base image"),
    PACKAGE_MANAGER("package manager"),
    LAYERS("layers"),
    BUILD_CONTEXT("build context"),
    TOOLCHAIN("toolchain"),
    RUNTIME_DEPENDENCIES("runtime dependencies");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
