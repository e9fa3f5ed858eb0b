package dev.slimlab.staging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container-structure-test suite ({@code schemaVersion: 2.0.0}) as read from its YAML file by
 * {@link SuiteLoader}. Only the test kinds SlimLab runs are modelled; a file that uses other
 * container-structure-test sections is rejected by the loader rather than half-run.
 */
public record StructureTestSuite(
        String schemaVersion,
        List<CommandTest> commandTests,
        List<FileExistenceTest> fileExistenceTests,
        List<FileContentTest> fileContentTests,
        Optional<MetadataTest> metadataTest) {

    /** The only schema version container-structure-test reads. */
    public static final String SCHEMA_VERSION = "2.0.0";

    public StructureTestSuite {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        commandTests = List.copyOf(commandTests);
        fileExistenceTests = List.copyOf(fileExistenceTests);
        fileContentTests = List.copyOf(fileContentTests);
        Objects.requireNonNull(metadataTest, "metadataTest");
    }

    /** The number of tests in the suite; the metadata test counts as one. */
    public int testCount() {
        return commandTests.size() + fileExistenceTests.size() + fileContentTests.size()
                + (metadataTest.isPresent() ? 1 : 0);
    }
}
