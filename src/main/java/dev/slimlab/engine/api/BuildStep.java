package dev.slimlab.engine.api;



/**
 * One step of a classic-builder build, timed on arrival of its log lines (the builder sends no
 * timestamps).
 *
 * @param number      1-based step number
 * @param instruction the instruction as the builder printed it ({@code RUN apt-get update})
 * @param seconds     wall time from this step's first line to the next step's (or the end)
 * @param cached      true if the builder reused a cached layer ({@code ---> Using cache})
 */
public record BuildStep(int number, String instruction, double seconds, boolean cached) {
}
