package dev.slimlab.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.dockerfile.Dockerfile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Catalog-wide laws, over every test Dockerfile (the realistic corpus and the sample projects):
 * any set of optimizations gives the same result in any order, applying it twice equals applying
 * it once, the result parses back, and every optimization is described and has its lesson.
 */
class CatalogPropertiesTest {

    static final Catalog CATALOG = Catalog.standard();
    static final List<Path> DOCKERFILES = dockerfiles();

    static List<Path> dockerfiles() {
        try {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> corpus = Files.list(Path.of(CatalogPropertiesTest.class.getResource("/dockerfiles").toURI()))) {
                corpus.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().forEach(files::add);
            }
            try (Stream<Path> samples = Files.walk(Path.of("assets", "samples"))) {
                samples.filter(p -> p.getFileName().toString().equals("Dockerfile")).sorted().forEach(files::add);
            }
            return files;
        } catch (java.io.IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Project project(Path file) {
        try {
            Path folder = file.getParent();
            ContextFiles context = file.getFileName().toString().equals("Dockerfile")
                    ? ContextFiles.read(folder) : ContextFiles.unknown();
            return Project.of(Dockerfile.parse(Files.readAllBytes(file)), context);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    @Provide
    Arbitrary<Path> dockerfile() {
        return Arbitraries.of(DOCKERFILES);
    }

    @Provide
    Arbitrary<List<String>> optimizationSet() {
        List<String> applicable = CATALOG.all().stream().filter(o -> !o.lintOnly()).map(Optimization::id).toList();
        return Arbitraries.of(applicable).list().uniqueElements().ofMaxSize(applicable.size());
    }

    @Property(tries = 300)
    void anyOrderGivesTheSameResult(@ForAll("dockerfile") Path file, @ForAll("optimizationSet") List<String> ids,
                                    @ForAll long seed) {
        Project project = project(file);
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(seed));
        Applied a = CATALOG.apply(ids, project);
        Applied b = CATALOG.apply(shuffled, project);
        assertThat(b.project()).isEqualTo(a.project());
        assertThat(b.notes()).isEqualTo(a.notes());
    }

    @Property(tries = 300)
    void applyingTwiceEqualsApplyingOnce(@ForAll("dockerfile") Path file, @ForAll("optimizationSet") List<String> ids) {
        Applied once = CATALOG.apply(ids, project(file));
        Applied twice = CATALOG.apply(ids, once.project());
        assertThat(twice.project().dockerfile().print()).isEqualTo(once.project().dockerfile().print());
        assertThat(twice.project().proposedFiles()).isEqualTo(once.project().proposedFiles());
        assertThat(twice.changed()).isFalse();
    }

    @Property(tries = 300)
    void theResultParsesBackAndRoundTrips(@ForAll("dockerfile") Path file, @ForAll("optimizationSet") List<String> ids)
            throws Exception {
        Applied applied = CATALOG.apply(ids, project(file));
        byte[] bytes = applied.project().dockerfile().toBytes();
        assertThat(Dockerfile.parse(bytes).toBytes()).isEqualTo(bytes);
        assertThat(applied.notes()).noneMatch(n -> n.message().startsWith("not applied:"));
    }

    @Test
    void maximumPresetParsesForEveryTestDockerfile() throws Exception {
        assertThat(DOCKERFILES).hasSizeGreaterThan(50);
        for (Path file : DOCKERFILES) {
            Applied applied = CATALOG.apply(CATALOG.preset(Preset.MAXIMUM), project(file));
            byte[] bytes = applied.project().dockerfile().toBytes();
            assertThat(Dockerfile.parse(bytes).toBytes()).as(file.toString()).isEqualTo(bytes);
            assertThat(applied.notes()).as(file.toString()).noneMatch(n -> n.message().startsWith("not applied:"));
        }
    }

    @Test
    void eachOptimizationAloneChangesOnlyWhatItsNotesSay() throws Exception {
        for (Path file : DOCKERFILES) {
            Project project = project(file);
            for (Optimization o : CATALOG.all()) {
                Applied applied = o.apply(project);
                boolean changed = !applied.project().equals(project);
                assertThat(applied.changed()).as(o.id() + " on " + file + ": notes iff changes").isEqualTo(changed);
                assertThat(applied.notes()).allSatisfy(n -> assertThat(n.optimizationId()).isEqualTo(o.id()));
                if (o.lintOnly()) {
                    assertThat(changed).as(o.id() + " is lint-only").isFalse();
                }
            }
        }
    }

    @Test
    void everyOptimizationIsDescribedAndHasItsLesson() {
        assertThat(CATALOG.ids()).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
        for (Optimization o : CATALOG.all()) {
            assertThat(o.title()).as(o.id()).isNotBlank();
            assertThat(o.riskRationale()).as(o.id()).isNotBlank();
            assertThat(o.lesson()).as(o.id()).startsWith("# ")
                    .contains("## What it does", "## Why it saves space", "## What can break", "## How to verify", "## Risk");
            String risk = o.lesson().substring(o.lesson().indexOf("## Risk") + "## Risk".length()).strip();
            if (!o.lintOnly()) {
                assertThat(risk).as(o.id() + ": the lesson's risk is the catalog's").startsWith(o.risk().name());
            }
        }
    }

    @Test
    void findingsAlwaysSaySomething() {
        for (Path file : DOCKERFILES) {
            Project project = project(file);
            for (Optimization o : CATALOG.all()) {
                List<Finding> findings = o.findings(project);
                assertThat(findings).as(o.id() + " on " + file).isNotEmpty()
                        .allSatisfy(f -> assertThat(f.message()).isNotBlank());
                assertThat(o.appliesTo(project) || findings.stream().noneMatch(Finding::applies)).isTrue();
            }
        }
    }

    @Test
    void presetsFollowRisk() {
        assertThat(CATALOG.preset(Preset.ORIGINAL)).isEmpty();
        Set<String> minimal = CATALOG.preset(Preset.MINIMAL);
        assertThat(minimal).allMatch(id -> CATALOG.byId(id).orElseThrow().risk() == Risk.LOW);
        assertThat(CATALOG.preset(Preset.MAXIMUM)).containsAll(minimal)
                .noneMatch(id -> CATALOG.byId(id).orElseThrow().lintOnly());
    }

    @Test
    void theAblationPlanMeasuresEachOptimizationAlone() throws Exception {
        Project project = project(Path.of("assets", "samples", "python-web", "Dockerfile"));
        List<AblationPlan.PlannedVariant> plan = AblationPlan.of(CATALOG, project, true);
        assertThat(plan.get(0)).isEqualTo(new AblationPlan.PlannedVariant("original", Set.of()));
        assertThat(plan).extracting(AblationPlan.PlannedVariant::name)
                .contains("apt-no-install-recommends", "pip-no-cache-dir")
                .endsWith("minimal", "maximum");
        for (AblationPlan.PlannedVariant v : plan.subList(1, plan.size() - 2)) {
            assertThat(v.optimizationIds()).containsExactly(v.name());
            assertThat(CATALOG.apply(v.optimizationIds(), project).changed()).isTrue();
        }
    }
}
