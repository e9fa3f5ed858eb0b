package dev.slimlab.dockerfile;

/** Offsets {@code [start, end)} in an instruction's logical line. */
public record TextRange(int start, int end) {

    public int length() {
        return end - start;
    }
}
