package dev.slimlab.optimize;

/** How likely an optimization is to change what the image does. */
public enum Risk {
    LOW, MEDIUM, HIGH
}
