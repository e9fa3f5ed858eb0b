package dev.slimlab.analysis;

import dev.slimlab.optimize.Risk;
import java.util.Locale;

/** How likely a variant is to behave unlike the original: NONE for the original itself. */
public enum RiskLevel {
    NONE, LOW, MEDIUM, HIGH;

    public static RiskLevel of(Risk risk) {
        return switch (risk) {
            case LOW -> LOW;
            case MEDIUM -> MEDIUM;
            case HIGH -> HIGH;
        };
    }

    public RiskLevel max(RiskLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
