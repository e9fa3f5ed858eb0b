package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.Stage;

/** Small questions several optimizations ask of a Dockerfile. */
final class Optimizations {

    private Optimizations() {
    }

    /** True if an ENV of the stage sets {@code name} (either ENV form). */
    static boolean stageSetsEnv(Stage stage, String name) {
        for (Instruction i : stage.instructions()) {
            if (i.is("env")) {
                for (int k = 0; k + 1 < i.args().size(); k += 3) {
                    if (i.args().get(k).equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
