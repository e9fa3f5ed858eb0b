package dev.slimlab.ui.support;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * A risk as the app shows it everywhere: its words in a badge, and its level as a pseudo-class
 * ({@code :risk-none} to {@code :risk-high}) that the theme colours; never the colour alone.
 */
public final class RiskBadge extends Label {

    /** The levels, as the pseudo-classes name them. */
    public static final List<String> LEVELS = List.of("none", "low", "medium", "high");

    public RiskBadge() {
        getStyleClass().add("risk-badge");
        setMinWidth(USE_PREF_SIZE); // a badge is never cut short: the text beside it wraps instead
    }

    /** Shows {@code text} coloured as {@code level}: none, low, medium or high (any case). */
    public void show(String text, String level) {
        setText(text);
        String on = level.toLowerCase(java.util.Locale.ROOT);
        for (String l : LEVELS) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass("risk-" + l), l.equals(on));
        }
    }
}
