package dev.slimlab.report;

import dev.slimlab.analysis.RiskLevel;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SlimLab's named colours, light and dark, in one place: the app's looked-up colours
 * ({@code -slim-accent}, {@code -slim-risk-high}, ...) are written from it at start-up, the HTML
 * report's CSS variables ({@code --accent}, {@code --risk-high}, ...) at rendering, and the
 * charts ({@link ChartPalette}) take the light one, the paper they are drawn on. So a risk has one
 * colour everywhere; it is also always written out, never shown by colour alone.
 *
 * @param accent     the main series, links, the recommended variant
 * @param accentSoft a tint of the accent behind what it marks
 * @param onAccent   text on the accent
 * @param foreground text, axis lines
 * @param muted      secondary text
 * @param background the page or window
 * @param surface    cards and tables raised above the background
 * @param border     lines between and around
 * @param riskNone   the original itself: nothing applied
 * @param onRisk     text on a risk colour
 */
public record Palette(Color accent, Color accentSoft, Color onAccent, Color foreground, Color muted,
                      Color background, Color surface, Color border,
                      Color riskNone, Color riskLow, Color riskMedium, Color riskHigh, Color onRisk) {

    public static final Palette LIGHT = new Palette(new Color(0x2563a8), new Color(0xdce7f4), new Color(0xfcfdfe),
            new Color(0x1d2430), new Color(0x5b6473), new Color(0xf4f6f9), new Color(0xfcfdfe), new Color(0xd5dae2),
            new Color(0x5b6473), new Color(0x2e7d4f), new Color(0xa86200), new Color(0xb3261e), new Color(0xffffff));

    /** Lighter risk colours with dark text on them, so that a badge and a risk-coloured text both read on dark. */
    public static final Palette DARK = new Palette(new Color(0x78aef0), new Color(0x1f3452), new Color(0x10151c),
            new Color(0xe4e8ee), new Color(0xa3adbb), new Color(0x181c22), new Color(0x222831), new Color(0x3a4350),
            new Color(0xa3adbb), new Color(0x6cc796), new Color(0xe8a54c), new Color(0xf28b82), new Color(0x10151c));

    /** The colour of a risk level. */
    public Color risk(RiskLevel level) {
        return switch (level) {
            case NONE -> riskNone;
            case LOW -> riskLow;
            case MEDIUM -> riskMedium;
            case HIGH -> riskHigh;
        };
    }

    /** The colours by the name both style sheets give them: {@code accent}, {@code risk-high}, ... */
    public Map<String, Color> named() {
        Map<String, Color> names = new LinkedHashMap<>();
        names.put("accent", accent);
        names.put("accent-soft", accentSoft);
        names.put("on-accent", onAccent);
        names.put("fg", foreground);
        names.put("fg-muted", muted);
        names.put("bg", background);
        names.put("surface", surface);
        names.put("border", border);
        for (RiskLevel level : RiskLevel.values()) {
            names.put("risk-" + level.label(), risk(level));
        }
        names.put("on-risk", onRisk);
        return names;
    }

    /** The JavaFX style sheet of the app's looked-up colours: {@code .root { -slim-accent: #2563a8; ... }}. */
    public String lookedUpColours() {
        StringBuilder css = new StringBuilder(".root {\n");
        named().forEach((name, colour) -> css.append("    -slim-").append(name).append(": ").append(css(colour))
                .append(";\n"));
        return css.append("}\n").toString();
    }

    /** The CSS custom properties of the HTML report, one a line with {@code indent}: {@code --accent: #2563a8;}. */
    public String cssVariables(String indent) {
        StringBuilder css = new StringBuilder();
        named().forEach((name, colour) -> css.append(indent).append("--").append(name).append(": ").append(css(colour))
                .append(";\n"));
        return css.toString();
    }

    /** The colour as CSS writes it, {@code #rrggbb}. */
    public static String css(Color c) {
        return String.format("#%06x", c.getRGB() & 0xffffff);
    }
}
