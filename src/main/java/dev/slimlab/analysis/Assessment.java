package dev.slimlab.analysis;

import java.util.List;
import java.util.Set;

/**
 * One variant judged against the original: its risk and why, its reward, and its verdict.
 *
 * @param name                 the variant
 * @param optimizations        what it applies
 * @param built                false when it did not build (broken)
 * @param intrinsicRisk        the riskiest of its optimizations (NONE for the original)
 * @param risk                 the intrinsic risk raised by the evidence (parity findings, regressions)
 * @param riskReasons          why the risk is what it is, one reason each
 * @param sizeBytes            image size (0 when not built)
 * @param sizeSavedBytes       original size − this size (negative when larger)
 * @param sizeSavedPercent     the same as a percentage of the original
 * @param pullBytes            compressed (pull) size
 * @param pullSavedBytes       original pull size − this pull size
 * @param pullSavedPercent     the same as a percentage
 * @param pullSecondsSaved     deploy time saved per pull at the experiment's bandwidth
 * @param buildTime            build time of the repetitions
 * @param buildSecondsChange   median build time − the original's median
 * @param buildChangeInNoise   true when the change is within the spread of the repetitions (or
 *                             cannot be told from one build each)
 * @param layers               number of layers
 * @param efficiency           dive's efficiency, 0–1
 * @param wastedBytes          bytes in files that appear in two or more layers
 * @param checked              true when its staging checks ran (tests and parity figures mean something)
 * @param testsPassed          staging tests passed
 * @param testsRun             staging tests run
 * @param regressions          tests that pass on the original and not here
 * @param parityHigh           parity findings of HIGH severity
 * @param parityMedium         of MEDIUM severity
 * @param parityLow            of LOW severity
 * @param verdict              the verdict
 * @param reason               the verdict's reason, in one line
 * @param paretoOptimal        true when no other working variant saves more at no more risk
 */
public record Assessment(String name, Set<String> optimizations, boolean built, RiskLevel intrinsicRisk,
                         RiskLevel risk, List<String> riskReasons, long sizeBytes, long sizeSavedBytes,
                         double sizeSavedPercent, long pullBytes, long pullSavedBytes, double pullSavedPercent,
                         double pullSecondsSaved, BuildTime buildTime, double buildSecondsChange,
                         boolean buildChangeInNoise, int layers, double efficiency, long wastedBytes, boolean checked, int testsPassed,
                         int testsRun, List<String> regressions, long parityHigh, long parityMedium, long parityLow,
                         Verdict verdict, String reason, boolean paretoOptimal) {

    public Assessment {
        optimizations = Set.copyOf(optimizations);
        riskReasons = List.copyOf(riskReasons);
        regressions = List.copyOf(regressions);
    }

    /** Broken or regressed: not a candidate to ship. */
    public boolean failed() {
        return verdict == Verdict.BROKEN || verdict == Verdict.REGRESSED;
    }
}
