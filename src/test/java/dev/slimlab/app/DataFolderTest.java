package dev.slimlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    @Test
    void followsXdgDataHomeAndTheOverride() {
        assertThat(DataFolder.root(null, Map.of(), "/home/ana")).isEqualTo(Path.of("/home/ana/.local/share/slimlab"));
        assertThat(DataFolder.root(null, Map.of("XDG_DATA_HOME", "/data"), "/home/ana"))
                .isEqualTo(Path.of("/data/slimlab"));
        assertThat(DataFolder.root(null, Map.of("XDG_DATA_HOME", "relative"), "/home/ana"))
                .as("the spec ignores a relative XDG_DATA_HOME").isEqualTo(Path.of("/home/ana/.local/share/slimlab"));
        assertThat(DataFolder.root("/tmp/t", Map.of("XDG_DATA_HOME", "/data"), "/home/ana"))
                .as("-Dslimlab.data").isEqualTo(Path.of("/tmp/t"));
    }
}
