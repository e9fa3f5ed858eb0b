package dev.slimlab.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slimlab.engine.api.WasteReport;
import dev.slimlab.engine.layers.SavedImages.LayerTar;
import dev.slimlab.engine.layers.SavedImages.Layout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * dive's figures over random layer file tables. A table maps paths to a size (a write, at least
 * one byte) or to a deletion (a whiteout). A path "repeats" when it appears in two or more layers,
 * a deletion of a file that was there counting as an appearance.
 */
class ImageArchiveAnalyzerPropertiesTest {

    static final long DELETE = -1;

    @Provide
    Arbitrary<List<Map<String, Long>>> writesOnly() {
        return tables(0);
    }

    @Provide
    Arbitrary<List<Map<String, Long>>> writesAndDeletions() {
        return tables(25);
    }

    private static Arbitrary<List<Map<String, Long>>> tables(int deletePercent) {
        Arbitrary<String> path = Arbitraries.of("a", "b", "c", "d/e", "d/f", "g/h/i", "g/j");
        Arbitrary<Long> write = Arbitraries.longs().between(1, 5000);
        Arbitrary<Long> op = deletePercent == 0 ? write : Arbitraries.frequencyOf(
                Tuple.of(100 - deletePercent, write),
                Tuple.of(deletePercent, Arbitraries.just(DELETE)));
        return Arbitraries.maps(path, op).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 300)
    void efficiencyIsPositiveAndAtMostOneWhenNothingIsDeleted(@ForAll("writesOnly") List<Map<String, Long>> tables)
            throws IOException {
        WasteReport waste = analyze(tables);

        assertThat(waste.efficiency()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        checkRepeats(tables, waste);
    }

    @Property(tries = 300)
    void efficiencyIsAFractionAndMatchesASimpleModel(@ForAll("writesAndDeletions") List<Map<String, Long>> tables)
            throws IOException {
        WasteReport waste = analyze(tables);

        assertThat(waste.efficiency()).isBetween(0.0, 1.0);
        Model model = new Model(tables);
        assertThat(waste.efficiency()).isCloseTo(model.efficiency(), within(1e-12));
        assertThat(waste.totalLayerBytes()).isEqualTo(model.totalWritten);
        checkRepeats(tables, waste);
    }

    /** Equals 1 when no path repeats; wasted bytes are 0 exactly when no path repeats. */
    private static void checkRepeats(List<Map<String, Long>> tables, WasteReport waste) {
        boolean repeats = new Model(tables).repeats();
        if (!repeats) {
            assertThat(waste.efficiency()).isEqualTo(1.0);
        }
        assertThat(waste.wastedBytes() == 0).isEqualTo(!repeats);
        assertThat(waste.topWastedFiles().isEmpty()).isEqualTo(!repeats);
    }

    private static WasteReport analyze(List<Map<String, Long>> tables) throws IOException {
        List<byte[]> layers = new ArrayList<>();
        for (Map<String, Long> table : tables) {
            LayerTar layer = SavedImages.layer();
            table.forEach((path, op) -> {
                if (op == DELETE) {
                    layer.whiteout(path);
                } else {
                    layer.file(path, (int) (long) op);
                }
            });
            layers.add(layer.build());
        }
        byte[] archive = SavedImages.save(Layout.DOCKER_LAYERS_SHUFFLED, layers).archive();
        return new ImageArchiveAnalyzer().analyze(new ByteArrayInputStream(archive)).waste();
    }

    /** Flat paths (no folder deletions): the definition, written out directly. */
    static final class Model {
        final Map<String, List<Long>> appearances = new LinkedHashMap<>();
        long totalWritten;

        Model(List<Map<String, Long>> tables) {
            Set<String> live = new HashSet<>();
            for (Map<String, Long> table : tables) {
                Map<String, Long> seen = new HashMap<>(table);
                for (Map.Entry<String, Long> e : seen.entrySet()) {
                    if (e.getValue() == DELETE) {
                        if (live.remove(e.getKey())) {
                            appearances.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(0L);
                        }
                    } else {
                        live.add(e.getKey());
                        totalWritten += e.getValue();
                        appearances.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                    }
                }
            }
        }

        boolean repeats() {
            return appearances.values().stream().anyMatch(sizes -> sizes.size() >= 2);
        }

        double efficiency() {
            long min = 0;
            long sum = 0;
            for (List<Long> sizes : appearances.values()) {
                min += sizes.stream().mapToLong(Long::longValue).min().orElse(0);
                sum += sizes.stream().mapToLong(Long::longValue).sum();
            }
            return sum == 0 ? 1.0 : (double) min / sum;
        }
    }
}
