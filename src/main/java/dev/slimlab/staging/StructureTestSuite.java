package dev.slimlab.staging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container-structure-test suite ({@code schemaVersion: 2.0.0}) as read from its YAML file by
 * {@link SuiteLoader}. Only the test kinds SlimLab runs are modelled; a file that uses other
 * container-structure-test sections is rejected by the loader rather than half-run. The
 * {@code httpProbes} section is SlimLab's own addition.
 */
public record StructureTestSuite(
        String schemaVersion,
        List<CommandTest> commandTests,
        List<FileExistenceTest> fileExistenceTests,
        List<FileContentTest> fileContentTests,
        Optional<MetadataTest> metadataTest,
        List<HttpProbe> httpProbes) {

    /** The only schema version container-structure-test reads. */
    public static final String SCHEMA_VERSION = "2.0.0";

    public StructureTestSuite {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        commandTests = List.copyOf(commandTests);
        fileExistenceTests = List.copyOf(fileExistenceTests);
        fileContentTests = List.copyOf(fileContentTests);
        Objects.requireNonNull(metadataTest, "metadataTest");
        httpProbes = List.copyOf(httpProbes);
    }

    /** The number of tests in the suite; the metadata test counts as one, a probe as one per request. */
    public int testCount() {
        return commandTests.size() + fileExistenceTests.size() + fileContentTests.size()
                + (metadataTest.isPresent() ? 1 : 0) + httpProbes.stream().mapToInt(p -> p.requests().size()).sum();
    }
}
