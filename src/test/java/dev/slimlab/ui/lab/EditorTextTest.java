package dev.slimlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditorTextTest {

    @Test
    void theEditorSeesLineFeedsAndTheModelKeepsTheFilesLineEnding() {
        String crlf = "FROM alpine\r\nRUN true\r\n";
        assertThat(EditorText.lineEndingOf(crlf)).isEqualTo("\r\n");
        assertThat(EditorText.toEditor(crlf)).isEqualTo("FROM alpine\nRUN true\n");
        assertThat(EditorText.toModel("FROM alpine\nRUN true\nUSER app\n", "\r\n"))
                .isEqualTo("FROM alpine\r\nRUN true\r\nUSER app\r\n");
    }

    @Test
    void lineFeedTextPassesUnchanged() {
        String lf = "FROM alpine\nRUN true\n";
        assertThat(EditorText.lineEndingOf(lf)).isEqualTo("\n");
        assertThat(EditorText.toEditor(lf)).isSameAs(lf);
        assertThat(EditorText.toModel(lf, "\n")).isSameAs(lf);
        assertThat(EditorText.toEditor("a\rb")).isEqualTo("a\nb");
    }
}
