package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Prints a Dockerfile as BuildKit's parser test harness does ({@code result.AST.Dump() + "\n"}). */
public final class AstDump {

    private AstDump() {
    }

    public static String dump(Dockerfile dockerfile) {
        StringBuilder out = new StringBuilder();
        for (Instruction instruction : dockerfile.instructions()) {
            out.append('(').append(node(instruction)).append(")\n");
        }
        return out.toString();
    }

    /** One node: {@code cmd ["flags"] "arg" ...}, trimmed as Go's Node.Dump trims it. */
    static String node(Instruction instruction) {
        StringBuilder str = new StringBuilder(GoText.toLower(instruction.keyword()));
        if (!instruction.flags().isEmpty()) {
            str.append(" [").append(instruction.flags().stream()
                    .map(f -> GoText.quote(latin1(f.text())))
                    .collect(Collectors.joining(" "))).append(']');
        }
        instruction.onbuild().ifPresent(inner -> str.append(" (").append(node(inner)).append(')'));
        for (String arg : instruction.args()) {
            str.append(' ').append(GoText.quote(arg));
        }
        return GoText.trimSpace(str.toString());
    }

    /** BuildKit builds flag text byte by byte, each byte becoming the rune of the same value. */
    private static String latin1(String text) {
        return new String(GoText.encode(text), StandardCharsets.ISO_8859_1);
    }
}
