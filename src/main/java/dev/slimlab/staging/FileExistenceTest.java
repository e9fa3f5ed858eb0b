package dev.slimlab.staging;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that {@code path} exists in the image (or, with {@code shouldExist: false}, that it
 * does not), and optionally its permission string (Go's notation, e.g. {@code -rw-r--r--}),
 * owner, group, and who may execute it.
 */
public record FileExistenceTest(
        String name,
        String path,
        boolean shouldExist,
        Optional<String> permissions,
        Optional<Integer> uid,
        Optional<Integer> gid,
        Optional<String> isExecutableBy) {

    /** The values container-structure-test accepts for {@code isExecutableBy}. */
    public static final Set<String> EXECUTABLE_BY = Set.of("owner", "group", "any", "other");

    public FileExistenceTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gid, "gid");
        Objects.requireNonNull(isExecutableBy, "isExecutableBy");
    }
}
