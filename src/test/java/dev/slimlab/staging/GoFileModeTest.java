package dev.slimlab.staging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected strings are what Go's os.FileMode.String() prints for the same modes. */
class GoFileModeTest {

    @Test
    void writesModesAsGoDoes() {
        assertThat(GoFileMode.format('-', 0644)).isEqualTo("-rw-r--r--");
        assertThat(GoFileMode.format('-', 0)).isEqualTo("----------");
        assertThat(GoFileMode.format('d', 0755)).isEqualTo("drwxr-xr-x");
        assertThat(GoFileMode.format('d', 01777)).isEqualTo("dtrwxrwxrwx");
        assertThat(GoFileMode.format('l', 0777)).isEqualTo("Lrwxrwxrwx");
        assertThat(GoFileMode.format('-', 04755)).isEqualTo("urwxr-xr-x");
        assertThat(GoFileMode.format('-', 02755)).isEqualTo("grwxr-xr-x");
        assertThat(GoFileMode.format('c', 0666)).isEqualTo("Dcrw-rw-rw-");
        assertThat(GoFileMode.format('b', 0660)).isEqualTo("Drw-rw----");
        assertThat(GoFileMode.format('p', 0600)).isEqualTo("prw-------");
    }

    @Test
    void executableByFollowsContainerStructureTest() {
        assertThat(GoFileMode.executableBy(0744, "owner")).isTrue();
        assertThat(GoFileMode.executableBy(0744, "group")).isFalse();
        assertThat(GoFileMode.executableBy(0754, "group")).isTrue();
        assertThat(GoFileMode.executableBy(0754, "other")).isFalse();
        assertThat(GoFileMode.executableBy(0001, "other")).isTrue();
        assertThat(GoFileMode.executableBy(0010, "any")).isTrue();
        assertThat(GoFileMode.executableBy(0644, "any")).isFalse();
    }
}
