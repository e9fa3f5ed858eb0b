package dev.slimlab.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "b", "x\ny\n", "x\ny\n")).isEmpty();
    }

    @Test
    void aChangedLineWithContext() {
        String before = "FROM python:3.10\nWORKDIR /app\nRUN pip install -r r.txt\nCOPY . .\nCMD [\"app\"]\n";
        String after = "FROM python:3.10-slim\nWORKDIR /app\nRUN pip install --no-cache-dir -r r.txt\nCOPY . .\nCMD [\"app\"]\n";
        assertThat(UnifiedDiff.diff("a/Dockerfile", "b/Dockerfile", before, after)).isEqualTo("""
                --- a/Dockerfile
                +++ b/Dockerfile
                @@ -1,5 +1,5 @@
                -FROM python:3.10
                +FROM python:3.10-slim
                 WORKDIR /app
                -RUN pip install -r r.txt
                +RUN pip install --no-cache-dir -r r.txt
                 COPY . .
                 CMD ["app"]
                """);
    }

    @Test
    void distantChangesMakeSeparateHunksAndAMissingFinalNewlineIsMarked() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 2\n", "line two\n").replace("line 20\n", "line twenty");
        assertThat(UnifiedDiff.diff("a", "b", before.toString(), after)).isEqualTo("""
                --- a
                +++ b
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -17,4 +17,4 @@
                 line 17
                 line 18
                 line 19
                -line 20
                +line twenty
                \\ No newline at end of file
                """);
    }

    @Test
    void pureInsertionNamesTheLineBefore() {
        assertThat(UnifiedDiff.diff("a", "b", "", "x\n")).isEqualTo("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    }

    /** Applying the diff's lines back (context and + lines) gives the new text; context and - give the old. */
    @Property(tries = 200)
    void theDiffAccountsForEveryLine(@ForAll @IntRange(min = 0, max = 40) int size, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> oldLines = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            oldLines.add("l" + random.nextInt(8) + "\n");
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
        String b = String.join("", newLines);
        String diff = UnifiedDiff.diff("a", "b", a, b);
        if (a.equals(b)) {
            assertThat(diff).isEmpty();
            return;
        }
        int removed = 0;
        int added = 0;
        for (String line : diff.split("\n")) {
            if (line.startsWith("-") && !line.startsWith("---")) {
                removed++;
            } else if (line.startsWith("+") && !line.startsWith("+++")) {
                added++;
            }
        }
        assertThat(removed - added).isEqualTo(oldLines.size() - newLines.size());
        assertThat(removed + added).isLessThanOrEqualTo(oldLines.size() + newLines.size());
    }

    @Test
    void hugeUnrelatedTextsStillGiveADiffQuickly() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        String diff = UnifiedDiff.diff("a", "b", a.toString(), b.toString());
        assertThat(diff.lines().filter(l -> l.startsWith("-a")).count()).isEqualTo(50_000);
    }
}
