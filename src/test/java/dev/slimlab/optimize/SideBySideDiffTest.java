package dev.slimlab.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slimlab.optimize.SideBySideDiff.Ending;
import dev.slimlab.optimize.SideBySideDiff.Kind;
import dev.slimlab.optimize.SideBySideDiff.Line;
import dev.slimlab.optimize.SideBySideDiff.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SideBySideDiffTest {

    /** A row as "kind leftNumber:leftText | rightNumber:rightText", blank sides as "-". */
    private static List<String> show(SideBySideDiff diff) {
        return diff.rows().stream().map(r -> r.kind() + " " + side(r.left()) + " | " + side(r.right())).toList();
    }

    private static String side(Line line) {
        return line == null ? "-" : line.number() + ":" + line.text();
    }

    @Test
    void identicalTextsStandSideBySideWithNoChange() {
        SideBySideDiff diff = SideBySideDiff.of("original", "minimal", "FROM a\nRUN b\n", "FROM a\nRUN b\n");
        assertThat(show(diff)).containsExactly("SAME 1:FROM a | 1:FROM a", "SAME 2:RUN b | 2:RUN b");
        assertThat(diff.identical()).isTrue();
        assertThat(diff.summary()).isEqualTo("no change");
        assertThat(diff.leftName()).isEqualTo("original");
        assertThat(diff.rightName()).isEqualTo("minimal");
    }

    @Test
    void twoEmptyTextsHaveNoRows() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "", "");
        assertThat(diff.rows()).isEmpty();
        assertThat(diff.summary()).isEqualTo("no change");
    }

    @Test
    void pureAdditionsStandOnTheRightOnly() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "x\ny\n", "x\nnew 1\nnew 2\ny\n");
        assertThat(show(diff)).containsExactly(
                "SAME 1:x | 1:x",
                "ADDED - | 2:new 1",
                "ADDED - | 3:new 2",
                "SAME 2:y | 4:y");
        assertThat(diff.summary()).isEqualTo("2 lines added");
    }

    @Test
    void pureRemovalsStandOnTheLeftOnly() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "x\ngone\ny\n", "x\ny\n");
        assertThat(show(diff)).containsExactly("SAME 1:x | 1:x", "REMOVED 2:gone | -", "SAME 3:y | 2:y");
        assertThat(diff.summary()).isEqualTo("1 line removed");
    }

    @Test
    void aRemovalFollowedByAnAdditionIsOneChangedRow() {
        SideBySideDiff diff = SideBySideDiff.of("original", "minimal", "ARG PY=3.10\nFROM python:${PY}\nWORKDIR /app\n",
                "ARG PY=3.10\nFROM python:${PY}-slim\nWORKDIR /app\n");
        assertThat(show(diff)).containsExactly(
                "SAME 1:ARG PY=3.10 | 1:ARG PY=3.10",
                "CHANGED 2:FROM python:${PY} | 2:FROM python:${PY}-slim",
                "SAME 3:WORKDIR /app | 3:WORKDIR /app");
        assertThat(diff.summary()).isEqualTo("1 line changed");
    }

    @Test
    void aRunPairsTheAlikeLinesAndLeavesTheRestAlone() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "ARG PY=3.10\nFROM python:${PY}\nWORKDIR /app\n",
                "ARG PY=3.10\n# builder stage: build-only work\nFROM python:${PY} AS builder\nWORKDIR /app\n");
        assertThat(show(diff)).containsExactly(
                "SAME 1:ARG PY=3.10 | 1:ARG PY=3.10",
                "ADDED - | 2:# builder stage: build-only work",
                "CHANGED 2:FROM python:${PY} | 3:FROM python:${PY} AS builder",
                "SAME 3:WORKDIR /app | 4:WORKDIR /app");
        assertThat(diff.summary()).isEqualTo("1 line changed, 1 added");
    }

    @Test
    void unlikeLinesInALongerRunStandAloneRemovedFirst() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "x\nCOPY . .\nRUN chown -R www-data /app\ny\n",
                "x\n# runtime stage\nFROM python:3-slim\nENV A=1\ny\n");
        assertThat(show(diff)).containsExactly(
                "SAME 1:x | 1:x",
                "REMOVED 2:COPY . . | -",
                "REMOVED 3:RUN chown -R www-data /app | -",
                "ADDED - | 2:# runtime stage",
                "ADDED - | 3:FROM python:3-slim",
                "ADDED - | 4:ENV A=1",
                "SAME 4:y | 5:y");
        assertThat(diff.summary()).isEqualTo("3 lines added, 2 removed");
    }

    @Test
    void whatPairsWithNothingComesBeforeThePairRemovedFirstAndLineNumbersStayInOrder() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "x\nRUN gone\nRUN pip install -r r.txt\n",
                "x\nUSER app\nRUN pip install --no-cache-dir -r r.txt\nCMD [\"app\"]\n");
        assertThat(show(diff)).containsExactly(
                "SAME 1:x | 1:x",
                "REMOVED 2:RUN gone | -",
                "ADDED - | 2:USER app",
                "CHANGED 3:RUN pip install -r r.txt | 3:RUN pip install --no-cache-dir -r r.txt",
                "ADDED - | 4:CMD [\"app\"]");
    }

    @Test
    void oneLineReplacedByAnotherIsAChangeHoweverUnlike() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "x\nCMD [\"app\"]\ny\n", "x\nENTRYPOINT run\ny\n");
        assertThat(show(diff)).containsExactly(
                "SAME 1:x | 1:x", "CHANGED 2:CMD [\"app\"] | 2:ENTRYPOINT run", "SAME 3:y | 3:y");
    }

    @Test
    void indentationAloneDoesNotMakeLinesUnlike() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "RUN a && \\\n  b\n", "RUN a && \\\n    b\nRUN c\n");
        assertThat(show(diff)).containsExactly("SAME 1:RUN a && \\ | 1:RUN a && \\", "CHANGED 2:  b | 2:    b",
                "ADDED - | 3:RUN c");
    }

    @Test
    void aVeryLongRunPairsInOrderWithoutWeighingLikeness() {
        assertThat(unlikeRun(200).rows()).hasSize(400).noneMatch(r -> r.kind() == Kind.CHANGED);
        SideBySideDiff longer = unlikeRun(201);
        assertThat(longer.rows()).hasSize(201).allSatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.CHANGED));
        assertThat(longer.rows().get(200).left().text()).isEqualTo("aaaa200");
        assertThat(longer.rows().get(200).right().text()).isEqualTo("zzzz200");
    }

    /** {@code lines} lines replaced by as many unlike ones. */
    private static SideBySideDiff unlikeRun(int lines) {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            before.append("aaaa").append(i).append('\n');
            after.append("zzzz").append(i).append('\n');
        }
        return SideBySideDiff.of("a", "b", before.toString(), after.toString());
    }

    @Test
    void distantChangesMakeSeparateRunsWithTheirOwnLineNumbers() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2\n", "line two\n").replace("line 11\n", "")
                .replace("line 12\n", "line 12\nline 13\nline 14\n");
        SideBySideDiff diff = SideBySideDiff.of("a", "b", before.toString(), after);
        assertThat(diff.rows()).hasSize(14);
        assertThat(show(diff)).contains(
                "CHANGED 2:line 2 | 2:line two",
                "SAME 10:line 10 | 10:line 10",
                "REMOVED 11:line 11 | -",
                "SAME 12:line 12 | 11:line 12",
                "ADDED - | 12:line 13",
                "ADDED - | 13:line 14");
        assertThat(diff.count(Kind.SAME)).isEqualTo(10);
        assertThat(diff.summary()).isEqualTo("1 line changed, 2 added, 1 removed");
    }

    @Test
    void aMissingFinalNewlineIsAChangedRowThatSaysSo() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "x\nCMD [\"app\"]\n", "x\nCMD [\"app\"]");
        assertThat(show(diff)).containsExactly("SAME 1:x | 1:x", "CHANGED 2:CMD [\"app\"] | 2:CMD [\"app\"]");
        Row last = diff.rows().get(1);
        assertThat(last.endingsDiffer()).isTrue();
        assertThat(last.left().ending()).isEqualTo(Ending.LF);
        assertThat(last.right().ending()).isEqualTo(Ending.NONE);
        assertThat(last.right().ending().label()).isEqualTo("no newline at end of file");
        assertThat(diff.rows().get(0).endingsDiffer()).isFalse();
    }

    @Test
    void crlfLinesShowWithoutTheirTerminatorsAndAChangedEndingIsAChange() {
        SideBySideDiff same = SideBySideDiff.of("a", "b", "FROM a\r\nRUN b\r\n", "FROM a\r\nRUN c\r\n");
        assertThat(show(same)).containsExactly("SAME 1:FROM a | 1:FROM a", "CHANGED 2:RUN b | 2:RUN c");
        assertThat(same.rows().get(1).left().ending()).isEqualTo(Ending.CRLF);
        assertThat(same.rows().get(1).endingsDiffer()).isFalse();

        SideBySideDiff endings = SideBySideDiff.of("a", "b", "FROM a\r\n", "FROM a\n");
        assertThat(show(endings)).containsExactly("CHANGED 1:FROM a | 1:FROM a");
        assertThat(endings.rows().get(0).endingsDiffer()).isTrue();
        assertThat(endings.identical()).isFalse();
    }

    @Test
    void blankLinesKeepTheirPlace() {
        SideBySideDiff diff = SideBySideDiff.of("a", "b", "x\n\ny\n", "x\n\n\ny\n");
        assertThat(show(diff)).containsExactly("SAME 1:x | 1:x", "SAME 2: | 2:", "ADDED - | 3:", "SAME 3:y | 4:y");
    }

    @Test
    void aRowMustHaveTheSidesItsKindSays() {
        Line line = new Line(1, "x", Ending.LF);
        assertThatThrownBy(() -> new Row(Kind.REMOVED, line, line)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Row(Kind.SAME, null, line)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Row(Kind.ADDED, line, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The left side reads back as the old text and the right side as the new one, numbered in order. */
    @Property(tries = 200)
    void eachSideReadsBackAsItsText(@ForAll @IntRange(min = 0, max = 40) int size, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> oldLines = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            oldLines.add("l" + random.nextInt(8) + (random.nextInt(10) == 0 ? "\r\n" : "\n"));
        }
        List<String> newLines = new ArrayList<>(oldLines);
        for (int edits = random.nextInt(6); edits > 0; edits--) {
            int at = newLines.isEmpty() ? 0 : random.nextInt(newLines.size());
            switch (random.nextInt(3)) {
                case 0 -> newLines.add(at, "new" + random.nextInt(5) + "\n");
                case 1 -> { if (!newLines.isEmpty()) newLines.remove(at); }
                default -> { if (!newLines.isEmpty()) newLines.set(at, "changed\n"); }
            }
        }
        String a = String.join("", oldLines);
        String b = String.join("", newLines) + (random.nextBoolean() ? "" : "tail");
        SideBySideDiff diff = SideBySideDiff.of("a", "b", a, b);

        assertThat(readBack(diff.rows().stream().map(Row::left).filter(Objects::nonNull).toList())).isEqualTo(a);
        assertThat(readBack(diff.rows().stream().map(Row::right).filter(Objects::nonNull).toList())).isEqualTo(b);
        assertThat(diff.identical()).isEqualTo(a.equals(b));
        assertThat(diff.rows()).allSatisfy(r -> {
            if (r.kind() == Kind.SAME) {
                assertThat(r.left().text()).isEqualTo(r.right().text());
            }
        });
    }

    private static String readBack(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            assertThat(line.number()).isEqualTo(i + 1);
            text.append(line.text()).append(switch (line.ending()) {
                case LF -> "\n";
                case CRLF -> "\r\n";
                case NONE -> "";
            });
        }
        return text.toString();
    }
}
