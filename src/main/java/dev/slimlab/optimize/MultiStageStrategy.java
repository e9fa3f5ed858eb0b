package dev.slimlab.optimize;

import java.util.List;

/**
 * One toolchain's way to split a single-stage build for {@code multi-stage}: it finds the
 * toolchain's build step in the stage and says which instructions go to the builder stage and
 * what the runtime stage copies from it.
 */
interface MultiStageStrategy {

    /** The toolchain, for messages: {@code pip}, {@code npm/yarn}. */
    String toolchain();

    /** What the stage's build with this toolchain allows: nothing to do, a split SlimLab will not make, or the split. */
    Detection detect(SingleStage stage);

    /** What was found: nothing to work on, a build SlimLab will not split (and why), or the split. */
    sealed interface Detection permits Absent, Rejected, Plan {
    }

    /** Nothing to split; {@code reason} is a hint for the finding, or null when the toolchain is not used at all. */
    record Absent(String reason) implements Detection {
    }

    /** A build SlimLab will not split, pointing at the line that makes it so. */
    record Rejected(int line, String excerpt, String reason) implements Detection {
    }

    /** The split, the finding's message and the notes of each change. */
    record Plan(String message, StageSplit split, List<ChangeNote> notes) implements Detection {
    }
}
