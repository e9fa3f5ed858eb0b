package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.optimize.Finding;
import dev.slimlab.ui.lab.DockerfileHighlighter.InstructionLines;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineMarkersTest {

    private static final Finding APT_RECOMMENDS = Finding.applies("apt-no-install-recommends", 3,
            "RUN apt-get install -y gcc", "adds --no-install-recommends");
    private static final Finding APT_LISTS = Finding.applies("apt-clean-lists", 3, "RUN apt-get install -y gcc",
            "removes /var/lib/apt/lists in the same layer");
    private static final Finding PIP_CACHE = Finding.applies("pip-no-cache", 6, "RUN pip install -r r.txt",
            "adds --no-cache-dir");
    /** Lines 0..7: line 2 is an instruction continued onto lines 3 and 4; line 5 a one-liner. */
    private static final List<InstructionLines> INSTRUCTIONS = List.of(new InstructionLines(0, 0),
            new InstructionLines(2, 4), new InstructionLines(5, 5), new InstructionLines(7, 7));

    @Test
    void marksTheLineOfEachApplyingFindingAndGroupsFindingsOnOneLine() {
        LineMarkers markers = LineMarkers.of(List.of(APT_RECOMMENDS, PIP_CACHE, APT_LISTS), 8, INSTRUCTIONS);

        assertThat(markers.markedLines()).containsExactly(2, 5);
        assertThat(markers.markerOn(2).orElseThrow().findings()).containsExactly(APT_RECOMMENDS, APT_LISTS);
        assertThat(markers.markerOn(5).orElseThrow().findings()).containsExactly(PIP_CACHE);
        assertThat(markers.markerOn(3)).isEmpty();
    }

    @Test
    void theBandCoversTheWholeInstructionAndHoveringAnyOfItsLinesFindsTheMarker() {
        LineMarkers markers = LineMarkers.of(List.of(APT_RECOMMENDS, PIP_CACHE), 8, INSTRUCTIONS);

        assertThat(markers.bandLines()).containsExactly(2, 3, 4, 5);
        assertThat(markers.markerCovering(4).orElseThrow().line()).isEqualTo(2);
        assertThat(markers.markerCovering(6)).isEmpty();
        assertThat(markers.markerCovering(1)).isEmpty();
    }

    @Test
    void aLineInNoKnownInstructionIsABandOfOne() {
        LineMarkers markers = LineMarkers.of(List.of(APT_RECOMMENDS), 8, List.of());
        assertThat(markers.bandLines()).containsExactly(2);
    }

    @Test
    void noMarkerForWholeFileFindingsOnesThatDoNotApplyRepeatsOrLinesPastTheEnd() {
        LineMarkers markers = LineMarkers.of(List.of(
                Finding.nothingToDo("multi-stage", "nothing to build"),
                Finding.notApplicable("apt-clean-lists", 3, "RUN x", "already clean"),
                Finding.applies("pip-no-cache", 40, "RUN pip", "gone since"),
                APT_RECOMMENDS, APT_RECOMMENDS), 8, INSTRUCTIONS);

        assertThat(markers.markedLines()).containsExactly(2);
        assertThat(markers.markerOn(2).orElseThrow().findings()).containsExactly(APT_RECOMMENDS);
        assertThat(LineMarkers.of(List.of(), 8, INSTRUCTIONS).isEmpty()).isTrue();
        assertThat(markers.isEmpty()).isFalse();
    }

    @Test
    void nextAndPreviousWrapRound() {
        LineMarkers markers = LineMarkers.of(List.of(APT_RECOMMENDS, PIP_CACHE), 8, INSTRUCTIONS);

        assertThat(markers.nextAfter(0)).contains(2);
        assertThat(markers.nextAfter(2)).contains(5);
        assertThat(markers.nextAfter(5)).contains(2);
        assertThat(markers.previousBefore(5)).contains(2);
        assertThat(markers.previousBefore(2)).contains(5);
        assertThat(LineMarkers.NONE.nextAfter(0)).isEmpty();
    }

    @Test
    void describesWhichOptimizationsApplyAndWhy() {
        LineMarkers markers = LineMarkers.of(List.of(APT_RECOMMENDS, APT_LISTS, PIP_CACHE), 8, INSTRUCTIONS);
        Map<String, String> titles = Map.of("apt-no-install-recommends", "Skip recommended packages");

        assertThat(LineMarkers.describe(markers.markerOn(2).orElseThrow(), titles::get)).isEqualTo(
                "2 optimizations apply on line 3:\n"
                        + "• Skip recommended packages (apt-no-install-recommends): adds --no-install-recommends\n"
                        + "• apt-clean-lists: removes /var/lib/apt/lists in the same layer");
        assertThat(LineMarkers.describe(markers.markerOn(5).orElseThrow(), titles::get))
                .startsWith("1 optimization applies on line 6:\n• pip-no-cache: adds --no-cache-dir");
    }
}
