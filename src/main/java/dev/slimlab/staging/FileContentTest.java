package dev.slimlab.staging;

import java.util.List;
import java.util.Objects;

/** Reads the file at {@code path} from the image and searches its contents for the expected and excluded regular expressions. */
public record FileContentTest(String name, String path, List<String> expectedContents, List<String> excludedContents) {

    public FileContentTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        expectedContents = List.copyOf(expectedContents);
        excludedContents = List.copyOf(excludedContents);
    }
}
