package dev.slimlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void sizesAreDecimalWithOneDecimalAsDockerShowsThem() {
        assertThat(Formats.size(336_512_000L)).isEqualTo("336.5 MB");
        assertThat(Formats.size(1_050_000_000L)).isEqualTo("1.1 GB");
        assertThat(Formats.size(40_400_000L)).isEqualTo("40.4 MB");
        assertThat(Formats.size(512L)).isEqualTo("512 B");
        assertThat(Formats.size(999_970_000L)).as("rounding carries into the next unit").isEqualTo("1.0 GB");
        assertThat(Formats.size(-200_000_000L)).isEqualTo("-200.0 MB");
    }

    @Test
    void changesOfSizeTakeATrueMinusSign() {
        assertThat(Formats.signedSize(-1_600_000_000L)).isEqualTo("\u22121.6 GB");
        assertThat(Formats.signedSize(50_000_000L)).isEqualTo("+50.0 MB");
        assertThat(Formats.signedSize(0)).isEqualTo("0 B");
    }

    @Test
    void theUnitOfAnAxisIsTheLargestTheValueFills() {
        assertThat(Formats.sizeUnit(1.5e9)).isEqualTo(new Formats.SizeUnit("GB", 1e9));
        assertThat(Formats.sizeUnit(999)).isEqualTo(new Formats.SizeUnit("B", 1));
    }

    @Test
    void durationsReadInSecondsThenMinutesThenHours() {
        assertThat(Formats.duration(0.5)).isEqualTo("0.5 s");
        assertThat(Formats.duration(4.25)).isEqualTo("4.3 s");
        assertThat(Formats.duration(33.6)).isEqualTo("33.6 s");
        assertThat(Formats.duration(59.96)).as("rounds up to a minute").isEqualTo("1 min");
        assertThat(Formats.duration(362)).isEqualTo("6 min 2 s");
        assertThat(Formats.duration(600)).isEqualTo("10 min");
        assertThat(Formats.duration(3725)).isEqualTo("1 h 2 min");
        assertThat(Formats.signedDuration(-118)).isEqualTo("\u22121 min 58 s");
        assertThat(Formats.signedDuration(2)).isEqualTo("+2.0 s");
    }

    @Test
    void percentagesHaveOneDecimalAndChangesASign() {
        assertThat(Formats.percent(61.25)).isEqualTo("61.3%");
        assertThat(Formats.signedPercent(-61.3)).isEqualTo("\u221261.3%");
        assertThat(Formats.signedPercent(2)).isEqualTo("+2.0%");
        assertThat(Formats.signedPercent(0.01)).isEqualTo("\u00b10.0%");
    }
}
