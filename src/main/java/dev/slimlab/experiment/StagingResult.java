package dev.slimlab.experiment;

import java.util.List;

/**
 * What the staging checks said of one variant: the user's tests (suite and HTTP probes), the
 * automatic parity findings against the original (none for the original itself), and the checks
 * that could not be run at all, in words.
 */
public record StagingResult(List<TestOutcome> tests, List<ParityFinding> parity, List<String> problems) {

    public StagingResult {
        tests = List.copyOf(tests);
        parity = List.copyOf(parity);
        problems = List.copyOf(problems);
    }

    public long testsPassed() {
        return tests.stream().filter(TestOutcome::passed).count();
    }

    /** True if every test passed and every check could run. */
    public boolean testsPassedAll() {
        return problems.isEmpty() && tests.stream().allMatch(TestOutcome::passed);
    }

    public long findings(ParityFinding.Severity severity) {
        return parity.stream().filter(f -> f.severity() == severity).count();
    }
}
