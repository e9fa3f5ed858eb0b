package dev.slimlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.analysis.Analysis;
import dev.slimlab.analysis.Budgets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format on the fixed story experiment, compared byte for byte with the reviewed output in
 * {@code src/test/resources/report/golden}. After a deliberate change, regenerate with
 * {@code mvn test -Dtest=GoldenReportsTest -Dslimlab.golden.update=true} and review the diff.
 */
class GoldenReportsTest {

    static final Path GOLDEN = Path.of("src/test/resources/report/golden");

    static List<Budgets.Check> budgets(Analysis analysis) {
        return new Budgets(OptionalLong.of(1_000_000_000L), OptionalLong.of(500_000_000L), OptionalDouble.of(0.95),
                OptionalLong.empty(), true, Optional.empty()).check(analysis);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void matchesTheGoldenFile(ReportFormat format) throws IOException {
        Analysis analysis = ReportFixtures.storyAnalysis();
        String rendered = Reports.render(analysis, format, budgets(analysis));
        if (format == ReportFormat.HTML) {
            // the charts' coordinates depend on the machine's font metrics: ReportChartsTest checks them
            rendered = rendered.replaceAll("(?s)<svg\\b.*?</svg>", "<svg><!-- chart --></svg>");
        }
        Path golden = GOLDEN.resolve("story." + extension(format));
        if (Boolean.getBoolean("slimlab.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static String extension(ReportFormat format) {
        return switch (format) {
            case HTML -> "html";
            case MARKDOWN -> "md";
            case CSV -> "csv";
            case JSON -> "json";
            case JUNIT -> "junit.xml";
        };
    }
}
