package dev.slimlab.report;

import dev.slimlab.analysis.RiskLevel;
import java.awt.Color;
import java.util.List;

/**
 * The colours of SlimLab's charts. Charts are drawn on white paper in both themes, so their
 * accent, text and risk colours are those of the light {@link Palette}: a chart in the app, in a
 * report and in an exported PNG speaks the same language as the rest. Risk is never shown by
 * colour alone: wherever a risk colour is used, the risk level is also written.
 */
public final class ChartPalette {

    private static final Palette PAPER = Palette.LIGHT;

    /** The palette's accent: the main series, the recommended variant. */
    public static final Color ACCENT = PAPER.accent();
    /** A light tint of the accent: a second series beside the first (compressed beside on-disk). */
    public static final Color ACCENT_LIGHT = new Color(0x8db4e2);
    /** Text, axis lines, whiskers, the Pareto front. */
    public static final Color FOREGROUND = PAPER.foreground();
    /** Secondary text: subtitles, tick labels. */
    public static final Color MUTED = PAPER.muted();
    /** Grid lines. */
    public static final Color GRID = new Color(0xdfe3ea);
    /** The chart's background. */
    public static final Color BACKGROUND = Color.WHITE;

    public static final Color RISK_LOW = PAPER.riskLow();
    public static final Color RISK_MEDIUM = PAPER.riskMedium();
    public static final Color RISK_HIGH = PAPER.riskHigh();

    /** A step that makes the image smaller (waterfall): the low-risk green. */
    public static final Color SAVING = RISK_LOW;
    /** A step that makes the image larger (waterfall): the high-risk red. */
    public static final Color GROWTH = RISK_HIGH;
    /** A size that is a starting point or a result (waterfall's first bar): neutral slate. */
    public static final Color NEUTRAL = new Color(0x7d8796);

    /**
     * Colours for one series per variant (history), in order. None of them is a risk colour, so
     * that a variant's line does not seem to say something about its risk.
     */
    public static final List<Color> SERIES = List.of(ACCENT, new Color(0x7b5ea7), new Color(0x0e7c9b),
            new Color(0x8c6d46), new Color(0xc0508c), NEUTRAL, new Color(0x3b3f8f), new Color(0x5aa0c8));

    private ChartPalette() {
    }

    /** The colour of a risk level. */
    public static Color risk(RiskLevel level) {
        return PAPER.risk(level);
    }

    /** The i-th series colour, repeating after {@link #SERIES} runs out. */
    public static Color series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }
}
