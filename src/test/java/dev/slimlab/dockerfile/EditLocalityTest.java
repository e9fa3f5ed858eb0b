package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On every realistic Dockerfile of the corpus, every kind of edit of every instruction changes
 * the text only inside that instruction, and only the edited instruction's parse changes.
 */
class EditLocalityTest {

    static java.util.stream.Stream<Path> corpus() throws Exception {
        return CorpusTest.files("dockerfiles", ".Dockerfile");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void editsStayInsideTheEditedInstruction(Path file) throws Exception {
        Dockerfile original = Dockerfile.parse(Files.readAllBytes(file));
        List<Instruction> instructions = original.instructions();
        for (int index = 0; index < instructions.size(); index++) {
            Instruction target = instructions.get(index);
            // (replacing the "<<EOF" of a COPY would turn its here-document body into instructions)
            if (target.argRanges().map(r -> !r.isEmpty()).orElse(false) && target.heredocs().isEmpty()) {
                check(original, index, original.withArgument(target, 0, "edited-value"), true);
            }
            check(original, index, original.withFlag(target, "slimlab-test", "1"), true);
            if (!target.flags().isEmpty()) {
                // a flag alone on its line goes with the line break after it: fewer lines, not more
                check(original, index, original.withoutFlag(target, target.flags().get(0).name()), false);
            }
            for (ShellCommand command : ShellScript.of(target).map(ShellScript::commands).orElse(List.of())) {
                if (!command.words().isEmpty()) {
                    ShellWord program = command.words().get(0);
                    check(original, index, original.edit(target.onbuild().orElse(target),
                            new TextRange(program.end(), program.end()), " --inserted"), true);
                }
            }
        }
    }

    /** Outside the edited instruction's span nothing changed, and all other instructions parse the same. */
    private static void check(Dockerfile original, int index, Dockerfile edited, boolean keepsLines) {
        Instruction before = original.instructions().get(index);
        String a = original.print();
        String b = edited.print();
        int offset = original.hasByteOrderMark() ? 1 : 0;
        int start = before.span().start() + offset;
        int tail = a.length() - (before.span().end() + offset);
        assertThat(b.substring(0, start)).isEqualTo(a.substring(0, start));
        assertThat(b.substring(b.length() - tail)).isEqualTo(a.substring(a.length() - tail));
        assertThat(edited.instructions()).hasSameSizeAs(original.instructions());
        for (int i = 0; i < original.instructions().size(); i++) {
            if (i != index) {
                assertThat(edited.instructions().get(i).text()).isEqualTo(original.instructions().get(i).text());
                assertThat(AstDump.node(edited.instructions().get(i))).isEqualTo(AstDump.node(original.instructions().get(i)));
            }
        }
        Instruction after = edited.instructions().get(index);
        assertThat(after.span().startLine()).isEqualTo(before.span().startLine());
        if (keepsLines) {
            assertThat(after.span().lineCount()).as("an in-line edit keeps the instruction's lines")
                    .isEqualTo(before.span().lineCount());
        } else {
            assertThat(after.span().lineCount()).isLessThanOrEqualTo(before.span().lineCount());
        }
    }
}
