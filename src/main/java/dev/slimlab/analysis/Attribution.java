package dev.slimlab.analysis;

import java.util.List;

/**
 * What each optimization saved, from the ablation runs: each one's saving on its own, in the
 * catalog's order, and what combining them gives beyond (or short of) the sum, so that the
 * steps lead from the original's size to the target's (a waterfall).
 *
 * @param target         the combined variant explained (maximum, or the built variant with the most optimizations)
 * @param originalBytes  the original's size
 * @param targetBytes    the target's size
 * @param steps          each optimization of the target measured alone, and what it saved alone
 * @param unmeasured     the target's optimizations with no ablation run of their own
 * @param interactionBytes target's total saving − the sum of the steps (overlaps and synergies)
 */
public record Attribution(String target, long originalBytes, long targetBytes, List<Step> steps,
                          List<String> unmeasured, long interactionBytes) {

    /** One optimization alone: the bytes it saved against the original (negative: it grew the image). */
    public record Step(String optimization, long savedBytes) {
    }

    public Attribution {
        steps = List.copyOf(steps);
        unmeasured = List.copyOf(unmeasured);
    }
}
