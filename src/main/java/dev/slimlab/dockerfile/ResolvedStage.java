package dev.slimlab.dockerfile;

import java.util.Map;
import java.util.Optional;

/**
 * A stage with its variables expanded for a given set of build arguments.
 *
 * @param stage       the stage as written
 * @param baseImage   the FROM image with variables expanded ({@code python:3.10} for {@code python:${PY}})
 * @param baseStage   the index of the earlier stage FROM refers to by name, if it does
 * @param platform    the expanded {@code --platform}, if given
 * @param args        the build arguments in scope at the end of the stage
 * @param env         the environment at the end of the stage (inherited from a base stage)
 */
public record ResolvedStage(Stage stage, String baseImage, Optional<Integer> baseStage, Optional<String> platform,
                            Map<String, String> args, Map<String, String> env) {
}
