package dev.slimlab.experiment;

/** One layer of a built image, oldest first: the instruction that made it and its size. */
public record LayerResult(String createdBy, long sizeBytes) {
}
