package dev.slimlab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CI budgets for the variant a team ships (the recommended one unless named): size and pull size
 * ceilings, dive's efficiency floor and wasted-bytes ceiling, and, with {@code failOnRegression},
 * no staging test that passes on the original failing on it and no HIGH parity finding.
 */
public record Budgets(OptionalLong maxSizeBytes, OptionalLong maxPullBytes, OptionalDouble minEfficiency,
                      OptionalLong maxWastedBytes, boolean failOnRegression, Optional<String> variant) {

    /** One budget checked: what it is, its limit, the measured value, and whether it held. */
    public record Check(String name, String variant, String limit, String actual, boolean passed, String message) {
    }

    public static Budgets none() {
        return new Budgets(OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                false, Optional.empty());
    }

    public boolean isEmpty() {
        return maxSizeBytes.isEmpty() && maxPullBytes.isEmpty() && minEfficiency.isEmpty() && maxWastedBytes.isEmpty()
                && !failOnRegression;
    }

    /** Every budget set, checked against the variant it applies to. */
    public List<Check> check(Analysis analysis) {
        List<Check> checks = new ArrayList<>();
        if (isEmpty()) {
            return checks;
        }
        String name = variant.or(analysis::recommended).orElse(null);
        Optional<Assessment> target = name == null ? Optional.empty() : analysis.variant(name);
        if (target.isEmpty() || !target.get().built()) {
            String why = name == null ? "no variant to check: none is recommended (none built and passed its tests)"
                    : target.isEmpty() ? "no variant named " + name + " in the experiment" : name + " did not build";
            checks.add(new Check("budget variant", name == null ? "" : name, "a built variant", "none", false, why));
            return checks;
        }
        Assessment v = target.get();
        maxSizeBytes.ifPresent(max -> checks.add(ceiling("max size", v, max, v.sizeBytes())));
        maxPullBytes.ifPresent(max -> checks.add(ceiling("max pull size", v, max, v.pullBytes())));
        maxWastedBytes.ifPresent(max -> checks.add(ceiling("max wasted", v, max, v.wastedBytes())));
        minEfficiency.ifPresent(min -> {
            boolean ok = v.efficiency() >= min;
            checks.add(new Check("min efficiency", v.name(), format(min), format(v.efficiency()), ok,
                    ok ? v.name() + ": efficiency " + format(v.efficiency()) + " is at least " + format(min)
                            : v.name() + ": efficiency " + format(v.efficiency()) + " is below the budget of "
                                    + format(min) + " (" + Formats.size(v.wastedBytes()) + " wasted in files written"
                                    + " in one layer and changed or removed in another)"));
        });
        if (failOnRegression) {
            boolean testsOk = v.regressions().isEmpty();
            checks.add(new Check("no regression", v.name(), "0 regressed tests", String.valueOf(v.regressions().size()),
                    testsOk, testsOk ? v.name() + ": no staging test that passes on the original fails"
                            : v.name() + ": staging tests that pass on the original fail: " + String.join(", ",
                            v.regressions())));
            boolean parityOk = v.parityHigh() == 0;
            checks.add(new Check("no high parity finding", v.name(), "0 high findings", String.valueOf(v.parityHigh()),
                    parityOk, parityOk ? v.name() + ": no high parity finding"
                            : v.name() + ": " + v.parityHigh() + " high parity finding" + (v.parityHigh() == 1 ? "" : "s")
                                    + " against the original (see the report's parity section)"));
        }
        return checks;
    }

    private static Check ceiling(String name, Assessment v, long max, long actual) {
        boolean ok = actual <= max;
        String what = name.substring("max ".length());
        return new Check(name, v.name(), Formats.size(max), Formats.size(actual), ok,
                ok ? v.name() + ": " + what + " " + Formats.size(actual) + " is within the budget of " + Formats.size(max)
                        : v.name() + ": " + what + " " + Formats.size(actual) + " is over the budget of "
                                + Formats.size(max) + " by " + Formats.size(actual - max));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static final Pattern SIZE = Pattern.compile("(?i)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(b|k|kb|m|mb|g|gb|t|tb|kib|mib|gib|tib)?\\s*");

    /**
     * A size as people write it: {@code 1.2GB}, {@code 500 MB}, {@code 600MiB}, {@code 123456}
     * (bytes). kB/MB/GB are decimal, as Docker shows sizes; KiB/MiB/GiB binary.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write e.g. 1.2GB, 500MB, 600MiB or a"
                    + " number of bytes");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        double factor = switch (unit) {
            case "k", "kb" -> 1e3;
            case "m", "mb" -> 1e6;
            case "g", "gb" -> 1e9;
            case "t", "tb" -> 1e12;
            case "kib" -> 1024d;
            case "mib" -> 1024d * 1024;
            case "gib" -> 1024d * 1024 * 1024;
            case "tib" -> 1024d * 1024 * 1024 * 1024;
            default -> 1;
        };
        return Math.round(value * factor);
    }
}
