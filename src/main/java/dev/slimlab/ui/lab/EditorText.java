package dev.slimlab.ui.lab;

/**
 * The editor shows a text's lines separated by "\n" whatever the file uses; the model keeps the
 * file's own line ending, so that typing in a CRLF Dockerfile does not turn it into an LF one.
 */
final class EditorText {

    private EditorText() {
    }

    /** The line ending {@code text} uses: "\r\n" when it has one, else "\n". */
    static String lineEndingOf(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** {@code modelText} as the editor holds it: CRLF and lone CR turned into LF. */
    static String toEditor(String modelText) {
        return modelText.indexOf('\r') < 0 ? modelText : modelText.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code editorText} with {@code lineEnding} between its lines, for the model. */
    static String toModel(String editorText, String lineEnding) {
        return lineEnding.equals("\n") ? editorText : editorText.replace("\n", lineEnding);
    }
}
