package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slimlab.app.Samples;
import dev.slimlab.app.Samples.Sample;
import dev.slimlab.experiment.FakeEngine;
import dev.slimlab.ui.support.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gallery's view model alone: no window, work run on the calling thread. */
class SamplesViewModelTest {

    @TempDir
    Path home;

    private final LabViewModel lab = Labs.lab(FakeEngine::new);

    @Test
    void listsTheShippedSamplesAndOpensACopyOfOne() {
        SamplesViewModel samples = new SamplesViewModel(new Samples(home), TaskExecutor.immediate(), lab);
        assertThat(samples.getSamples()).isEmpty();

        samples.load();

        assertThat(samples.getSamples()).extracting(Sample::name).contains("python-web", "breakage/lost-library");
        assertThat(samples.headingProperty().get()).isEqualTo("Or start from a sample:");
        Sample pythonWeb = samples.getSamples().stream().filter(s -> s.name().equals("python-web")).findFirst().orElseThrow();

        samples.open(pythonWeb);

        assertThat(lab.state().dockerfileProperty().get()).isEqualTo(home.resolve("python-web/Dockerfile"));
        assertThat(lab.state().contextProperty().get()).isEqualTo(home.resolve("python-web"));
        assertThat(lab.dockerfile().getFindings()).isNotEmpty();
    }

    @Test
    void aSampleThatCannotBeCopiedIsSaidSo() throws Exception {
        Path notAFolder = Files.writeString(home.resolve("file"), "");
        SamplesViewModel samples = new SamplesViewModel(new Samples(notAFolder), TaskExecutor.immediate(), lab);
        samples.load();

        samples.open(samples.getSamples().get(0));

        assertThat(lab.state().loadedProperty().get()).isFalse();
        assertThat(lab.state().messageProperty().get()).startsWith("Cannot copy the sample breakage/env-rename to " + notAFolder);
    }
}
