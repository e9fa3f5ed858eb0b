package dev.slimlab.optimize;

import dev.slimlab.dockerfile.Dockerfile;
import dev.slimlab.dockerfile.DockerfileEditor;
import dev.slimlab.dockerfile.Heredoc;
import dev.slimlab.dockerfile.Instruction;
import dev.slimlab.dockerfile.ShellCommand;
import dev.slimlab.dockerfile.ShellScript;
import dev.slimlab.dockerfile.Stage;
import dev.slimlab.dockerfile.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell script that a RUN of the image executes: its shell-form command line, or the
 * here-document it feeds to the shell ({@code RUN <<EOF}). Edits go to the right place either
 * way. RUNs inside ONBUILD are left alone: they run in other images' builds.
 *
 * @param stage       the stage the RUN belongs to
 * @param instruction the RUN
 * @param script      the script, offsets in the logical line (or in the RUN's text for a here-document)
 * @param heredoc     the here-document the script comes from, or null for the command line
 */
record RunScript(Stage stage, Instruction instruction, ShellScript script, Heredoc heredoc) {

    /** Every shell script the RUNs of the Dockerfile execute, in file order. */
    static List<RunScript> of(Dockerfile dockerfile) {
        List<RunScript> scripts = new ArrayList<>();
        for (Stage stage : dockerfile.stages()) {
            for (Instruction i : stage.instructions()) {
                if (!i.is("run")) {
                    continue;
                }
                ShellScript.of(i).ifPresent(s -> scripts.add(new RunScript(stage, i, s, null)));
                for (Heredoc h : i.heredocs()) {
                    ShellScript.ofHeredoc(i, h).ifPresent(s -> scripts.add(new RunScript(stage, i, s, h)));
                }
            }
        }
        return scripts;
    }

    int line() {
        return instruction.line();
    }

    /** The command as written, for findings. */
    String excerpt(ShellCommand command) {
        return script.textOf(command.range());
    }

    void replace(DockerfileEditor editor, TextRange range, String text) {
        if (heredoc == null) {
            editor.edit(instruction, range, text);
        } else {
            editor.editText(instruction, range, text);
        }
    }

    void insert(DockerfileEditor editor, int at, String text) {
        replace(editor, new TextRange(at, at), text);
    }

    /** Runs {@code command} after everything else the script does, in the same layer. */
    void append(DockerfileEditor editor, String command) {
        if (heredoc != null) {
            String ending = heredoc.content().endsWith("\r\n") ? "\r\n" : "\n";
            String prefix = heredoc.content().isEmpty() || heredoc.content().endsWith("\n") ? "" : ending;
            insert(editor, heredoc.contentRange().end(), prefix + command + ending);
            return;
        }
        List<ShellCommand> commands = script.commands();
        if (commands.isEmpty()) {
            return;
        }
        ShellCommand last = commands.get(commands.size() - 1);
        if (last.operator().isEmpty()) {
            insert(editor, last.end(), " && " + command);
        } else {
            // after a trailing ; or &: end with ; so that a second append still makes a command of its own
            insert(editor, script.offset() + script.text().length(), " " + command + ";");
        }
    }
}
