package dev.slimlab.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the parser on generated Dockerfiles. The generator composes realistic pieces
 * (BOM, parser directives including {@code # escape=`}, comments, blank lines, every kind of
 * instruction in random keyword case, random blanks between words, line continuations with
 * trailing blanks, comment and blank lines inside them and indented continuation lines,
 * here-documents, LF/CRLF/mixed line endings, a missing final newline) and, while it lays the
 * file out, records what BuildKit must read from it: the instructions' keywords, the line each
 * starts on, its joined logical line and the here-documents it opens (specification §4).
 */
class RoundTripPropertiesTest {

    /** Stands for the escape character until the file is laid out (it depends on the directive). */
    private static final char ESC = '\uE000';
    /** Widest instruction the generator makes, in words (keyword included). */
    private static final int MAX_WORDS = 24;

    // ---- properties -------------------------------------------------------------------------

    @Property(tries = 300)
    void printsBackTheGeneratedBytes(@ForAll("dockerfiles") Doc doc) throws Exception {
        Dockerfile df = Dockerfile.parse(doc.bytes());
        assertThat(df.toBytes()).as(doc.toString()).isEqualTo(doc.bytes());
    }

    @Property(tries = 300)
    void elementsTileTheSource(@ForAll("dockerfiles") Doc doc) throws Exception {
        CorpusTest.assertElementsTileTheSource(Dockerfile.parse(doc.bytes()));
    }

    @Property(tries = 300)
    void readsTheInstructionsThatWereWritten(@ForAll("dockerfiles") Doc doc) throws Exception {
        Dockerfile df = Dockerfile.parse(doc.bytes());
        assertThat(df.instructions()).as("instruction count").hasSize(doc.names().size());
        assertThat(df.instructions()).extracting(Instruction::name).as("keywords")
                .containsExactlyElementsOf(doc.names());
    }

    @Property(tries = 300)
    void reparsingThePrintGivesTheSameDump(@ForAll("dockerfiles") Doc doc) throws Exception {
        Dockerfile df = Dockerfile.parse(doc.bytes());
        assertThat(AstDump.dump(Dockerfile.parse(df.print()))).isEqualTo(AstDump.dump(df));
    }

    /** Beyond the count: where each instruction starts, what it joins to, the heredocs it opens and their bodies. */
    @Property(tries = 300)
    void joinsLinesAndFindsHeredocsAsWritten(@ForAll("dockerfiles") Doc doc) throws Exception {
        Dockerfile df = Dockerfile.parse(doc.bytes());
        assertThat(df.instructions()).extracting(Instruction::line).as("start lines")
                .containsExactlyElementsOf(doc.startLines());
        assertThat(df.instructions()).extracting(Instruction::logicalLine).as("logical lines")
                .containsExactlyElementsOf(doc.logicalLines());
        assertThat(df.instructions()).extracting(i -> i.heredocs().stream().map(Heredoc::name).toList())
                .as("heredoc terminators").containsExactlyElementsOf(doc.heredocNames());
        assertThat(df.instructions()).extracting(i -> i.heredocs().stream().map(Heredoc::content).toList())
                .as("heredoc bodies").containsExactlyElementsOf(doc.heredocContents());
        assertThat(df.escape()).isEqualTo(doc.escape());
    }

    // ---- the generated file -----------------------------------------------------------------

    /** One heredoc: the word that opens it, its terminator, its body lines, the terminator line. */
    record Here(String opening, String name, boolean chomp, List<String> body, String terminatorLine) {
    }

    /** An instruction's words (the keyword as written first), lower-cased name, heredocs opened. */
    record Ins(String name, List<String> words, List<Here> heredocs) {
        Ins {
            if (words.size() > MAX_WORDS) {
                throw new IllegalStateException("generator made too many words: " + words);
            }
        }
    }

    /** A continuation: escape, trailing blanks, dropped comment/blank lines, next line's indentation. */
    record Continuation(String trailing, List<String> between, String indent) {
    }

    /** What separates two words: blanks, then possibly a continuation (null: none). */
    record Gap(String blanks, Continuation continuation) {
    }

    sealed interface Piece permits InstructionPiece, TriviaPiece {
    }

    record InstructionPiece(Ins ins, List<Gap> gaps, String indent, String trailing) implements Piece {
    }

    /** A comment or blank line between instructions. */
    record TriviaPiece(String line) implements Piece {
    }

    record Directives(List<String> lines, char escape) {
    }

    /** A generated Dockerfile with what BuildKit must read from it. */
    static final class Doc {
        private final byte[] bytes;
        private final boolean bom;
        private final String text;
        private final char escape;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> startLines = new ArrayList<>();
        private final List<String> logicalLines = new ArrayList<>();
        private final List<List<String>> heredocNames = new ArrayList<>();
        private final List<List<String>> heredocContents = new ArrayList<>();

        Doc(boolean bom, Directives directives, List<Piece> pieces, int endingMode, List<Boolean> crlf,
            boolean finalNewline, boolean danglingEscape) {
            this.bom = bom;
            this.escape = directives.escape();
            List<String> lines = new ArrayList<>(directives.lines());
            List<List<int[]>> bodyLines = new ArrayList<>(); // per instruction: [first, count] of each body
            int lastInstruction = -1;
            for (int p = 0; p < pieces.size(); p++) {
                if (pieces.get(p) instanceof InstructionPiece) {
                    lastInstruction = p;
                }
            }
            for (int p = 0; p < pieces.size(); p++) {
                if (pieces.get(p) instanceof TriviaPiece t) {
                    lines.add(t.line());
                    continue;
                }
                InstructionPiece piece = (InstructionPiece) pieces.get(p);
                Ins ins = piece.ins();
                startLines.add(lines.size() + 1);
                names.add(ins.name());
                heredocNames.add(ins.heredocs().stream().map(Here::name).toList());
                StringBuilder physical = new StringBuilder(piece.indent()).append(ins.words().get(0));
                StringBuilder logical = new StringBuilder(ins.words().get(0));
                for (int w = 1; w < ins.words().size(); w++) {
                    String word = ins.words().get(w);
                    Gap gap = piece.gaps().get(w - 1);
                    physical.append(gap.blanks());
                    logical.append(gap.blanks());
                    // a continuation line starting with '#' would be a comment line: never split there
                    if (gap.continuation() != null && !word.startsWith("#")) {
                        Continuation c = gap.continuation();
                        physical.append(ESC).append(c.trailing());
                        lines.add(physical.toString());
                        lines.addAll(c.between());
                        physical = new StringBuilder(c.indent());
                        logical.append(c.indent());
                    }
                    physical.append(word);
                    logical.append(word);
                }
                physical.append(piece.trailing());
                logical.append(piece.trailing());
                if (danglingEscape && p == lastInstruction && ins.heredocs().isEmpty()) {
                    // a trailing escape on the last instruction: end of file ends the continuation
                    physical.append(' ').append(ESC);
                    logical.append(' ');
                }
                lines.add(physical.toString());
                List<int[]> bodies = new ArrayList<>();
                for (Here h : ins.heredocs()) {
                    bodies.add(new int[] {lines.size(), h.body().size()});
                    lines.addAll(h.body());
                    lines.add(h.terminatorLine());
                }
                bodyLines.add(bodies);
                logicalLines.add(logical.toString().replace(ESC, escape));
            }
            List<String> physicalLines = new ArrayList<>();
            for (int k = 0; k < lines.size(); k++) {
                String ending = "";
                if (k < lines.size() - 1 || finalNewline) {
                    boolean windows = endingMode == 1 || endingMode == 2 && crlf.get(k % crlf.size());
                    ending = windows ? "\r\n" : "\n";
                }
                physicalLines.add(lines.get(k).replace(ESC, escape) + ending);
            }
            this.text = String.join("", physicalLines);
            for (List<int[]> bodies : bodyLines) {
                heredocContents.add(bodies.stream()
                        .map(b -> String.join("", physicalLines.subList(b[0], b[0] + b[1]))).toList());
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if (bom) {
                b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            b.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            this.bytes = b.toByteArray();
        }

        byte[] bytes() {
            return bytes.clone();
        }

        char escape() {
            return escape;
        }

        List<String> names() {
            return names;
        }

        List<Integer> startLines() {
            return startLines;
        }

        List<String> logicalLines() {
            return logicalLines;
        }

        List<List<String>> heredocNames() {
            return heredocNames;
        }

        /** Each heredoc's body as written, line endings included. */
        List<List<String>> heredocContents() {
            return heredocContents;
        }

        @Override
        public String toString() {
            return "Doc[" + (bom ? "<BOM>" : "") + javaString(text) + "] expects " + names;
        }
    }

    static String javaString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n\"\n + \"");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    // ---- generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<Doc> dockerfiles() {
        Arbitrary<Piece> piece = Arbitraries.frequencyOf(
                Tuple.of(7, instructionPiece()),
                Tuple.of(3, trivia().map(TriviaPiece::new)));
        Arbitrary<List<Piece>> pieces = piece.list().ofMinSize(1).ofMaxSize(24)
                .filter(list -> list.stream().anyMatch(x -> x instanceof InstructionPiece));
        return Combinators.combine(
                Arbitraries.integers().between(0, 4).map(n -> n == 0), // BOM one time in five
                directives(),
                pieces,
                Arbitraries.integers().between(0, 2), // LF, CRLF, mixed
                Arbitraries.of(true, false).list().ofSize(7),
                Arbitraries.integers().between(0, 3).map(n -> n != 0), // final newline three times in four
                Arbitraries.integers().between(0, 9).map(n -> n == 0) // dangling escape at the end
        ).as(Doc::new);
    }

    private Arbitrary<Directives> directives() {
        Arbitrary<String> syntax = Arbitraries.of("# syntax=docker/dockerfile:1", "#syntax = docker/dockerfile:1.7",
                "# SYNTAX=docker/dockerfile:1  ", "#\tsyntax=docker.io/docker/dockerfile:1.4").injectNull(0.5);
        Arbitrary<String> escape = Arbitraries.of("# escape=`", "#escape = `", "# Escape=`  ", "# escape=\\",
                "#ESCAPE=\\\t").injectNull(0.45);
        Arbitrary<String> check = Arbitraries.of("# check=skip=all", "# check=error=true").injectNull(0.8);
        return Combinators.combine(syntax, escape, check, Arbitraries.integers().between(0, 2)).as((s, e, c, r) -> {
            List<String> lines = new ArrayList<>();
            for (String line : Arrays.asList(s, e, c)) {
                if (line != null) {
                    lines.add(line);
                }
            }
            if (!lines.isEmpty()) {
                java.util.Collections.rotate(lines, r);
            }
            char esc = e != null && e.contains("`") ? '`' : '\\';
            return new Directives(lines, esc);
        });
    }

    private Arbitrary<String> trivia() {
        return Arbitraries.of("# a comment", "#", "   # an indented comment", "#no space after the hash",
                "# RUN echo commented out", "\t# tabbed comment", "# comment ending in an escape " + ESC,
                "", "", "   ", "\t", " \t ");
    }

    private Arbitrary<InstructionPiece> instructionPiece() {
        return Combinators.combine(
                instruction(),
                gap().list().ofSize(MAX_WORDS - 1),
                Arbitraries.of("", "", "", "", " ", "  ", "\t", " \t"),
                Arbitraries.of("", "", "", "", "", " ", "\t", "   ")
        ).as(InstructionPiece::new);
    }

    private Arbitrary<Gap> gap() {
        Arbitrary<String> blanks = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(" ")),
                Tuple.of(2, Arbitraries.just("  ")),
                Tuple.of(2, Arbitraries.just("\t")),
                Tuple.of(3, Arbitraries.of(' ', '\t').list().ofMinSize(1).ofMaxSize(5)
                        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat))));
        Arbitrary<String> between = Arbitraries.of("# a comment inside the continuation", "    # indented comment",
                "#", "", "  ", "\t", "# comment ending in an escape " + ESC);
        Arbitrary<Continuation> continuation = Combinators.combine(
                Arbitraries.of("", "", "", "", " ", "\t", "  \t"),
                Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.just(List.<String>of())),
                        Tuple.of(2, between.list().ofMinSize(1).ofMaxSize(3))),
                Arbitraries.of("", "    ", "    ", "\t", "  ", " \t ")
        ).as(Continuation::new);
        return Combinators.combine(blanks, continuation.injectNull(0.85)).as(Gap::new);
    }

    // ---- instructions -----------------------------------------------------------------------

    private Arbitrary<Ins> instruction() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, from()),
                Tuple.of(6, runShell()),
                Tuple.of(2, execForm("run")),
                Tuple.of(3, copyOrAdd()),
                Tuple.of(3, heredocInstruction()),
                Tuple.of(3, env()),
                Tuple.of(2, label()),
                Tuple.of(2, arg()),
                Tuple.of(1, expose()),
                Tuple.of(2, Arbitraries.oneOf(execForm("cmd"), execForm("entrypoint"))),
                Tuple.of(2, healthcheck()),
                Tuple.of(2, onbuild()),
                Tuple.of(2, simple()),
                Tuple.of(1, unknown()));
    }

    /** A keyword as someone may write it: upper, lower, or any mix of cases. */
    private static Arbitrary<String> keyword(String name) {
        String lower = name.toLowerCase();
        Arbitrary<String> mixed = Arbitraries.integers().between(0, (1 << lower.length()) - 1).map(mask -> {
            StringBuilder out = new StringBuilder();
            for (int k = 0; k < lower.length(); k++) {
                char c = lower.charAt(k);
                out.append((mask >> k & 1) == 1 ? Character.toUpperCase(c) : c);
            }
            return out.toString();
        });
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(lower.toUpperCase())),
                Tuple.of(2, Arbitraries.just(lower)),
                Tuple.of(2, mixed));
    }

    /**
     * Words of a template: split at spaces; {@code ~} stands for a space inside a word and
     * {@code ^} for the escape character.
     */
    private static List<String> w(String template) {
        if (template.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(template.split(" ")).map(s -> s.replace('~', ' ').replace('^', ESC)).toList();
    }

    private static Arbitrary<List<String>> templates(String... templates) {
        return Arbitraries.of(templates).map(RoundTripPropertiesTest::w);
    }

    private static Arbitrary<List<String>> flags(String... flags) {
        return Arbitraries.of(flags).list().ofMaxSize(3).uniqueElements();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> part : parts) {
            out.addAll(part);
        }
        return out;
    }

    private Arbitrary<Ins> from() {
        return Combinators.combine(
                keyword("from"),
                Arbitraries.of("--platform=linux/amd64", "--platform=$BUILDPLATFORM").list().ofMaxSize(1),
                templates("golang:1.22", "python:3.12-slim", "scratch", "node:20-alpine", "${BASE_IMAGE}",
                        "mcr.microsoft.com/windows/servercore:ltsc2022", "debian@sha256:0123456789abcdef"),
                templates("", "AS build", "as runtime", "As app-2", "AS ${STAGE}")
        ).as((k, f, image, as) -> new Ins("from", concat(List.of(k), f, image, as), List.of()));
    }

    private Arbitrary<Ins> runShell() {
        return Combinators.combine(
                keyword("run"),
                flags("--mount=type=cache,target=/root/.cache", "--network=none",
                        "--mount=type=secret,id=npmrc,target=/root/.npmrc", "--security=insecure",
                        "--mount=\"type=bind,source=.,target=/src\""),
                runCommand()
        ).as((k, f, cmd) -> new Ins("run", concat(List.of(k), f, cmd), List.of()));
    }

    private static Arbitrary<List<String>> runCommand() {
        return templates(
                "apt-get update && apt-get install -y --no-install-recommends curl ca-certificates"
                        + " && rm -rf /var/lib/apt/lists/*",
                "echo hello # not a comment",
                "set -eux; make -j4 all",
                "pip install --no-cache-dir -r requirements.txt",
                "echo \"héllo~wörld~☃\" > /tmp/greeting",
                "dir C:\\Windows\\Temp",
                "echo foo^^",
                "printf '%s\\n' a b",
                "echo \"<<not-a-heredoc\" 'and~<<neither'",
                "a=1; echo $a ${HOME}",
                "cd /src && go build -ldflags=\"-s~-w\" -o /out/app ./cmd/app",
                "echo [not json] {either}",
                "true");
    }

    /** RUN, CMD or ENTRYPOINT in JSON form, or text that looks like it but is shell form. */
    private Arbitrary<Ins> execForm(String name) {
        return Combinators.combine(
                keyword(name),
                templates(
                        "[\"/bin/sh\", \"-c\", \"echo~hi\"]",
                        "[\"make\", \"install\"]",
                        "[\"/bin/sh\", \"-c\", \"cat~<<EOF\"]",
                        "[\"app\", \"--port=8080\", \"tab\\there\", \"é\"]",
                        "[]",
                        "[~\"a~b\"~]",
                        "[ \"echo\", 'single' ]",
                        "[\"unterminated\",",
                        "exec app \"$@\"",
                        "--flag-like value")
        ).as((k, args) -> new Ins(name, concat(List.of(k), args), List.of()));
    }

    private Arbitrary<Ins> copyOrAdd() {
        Arbitrary<Ins> copy = Combinators.combine(
                keyword("copy"),
                flags("--from=build", "--chown=1000:1000", "--chmod=755", "--link", "--parents", "--exclude=*.md"),
                templates("go.mod go.sum ./", ". /src", "[\"a~b\", \"/c~d/\"]", "/out/app /usr/local/bin/app",
                        "[\"src/\", \"/app/\"]", "requirements.txt* /tmp/")
        ).as((k, f, a) -> new Ins("copy", concat(List.of(k), f, a), List.of()));
        Arbitrary<Ins> add = Combinators.combine(
                keyword("add"),
                flags("--checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d",
                        "--keep-git-dir=true", "--chown=app:app", "--link"),
                templates("https://example.com/tool.tar.gz /opt/", "app.tar.gz /srv/",
                        "[\"https://example.com/x~y.txt\", \"/tmp/\"]")
        ).as((k, f, a) -> new Ins("add", concat(List.of(k), f, a), List.of()));
        return Arbitraries.oneOf(copy, add);
    }

    private Arbitrary<Ins> env() {
        Arbitrary<Ins> legacy = Combinators.combine(keyword("env"),
                templates("PORT 8080", "PATH /usr/local/bin:$PATH", "GREETING hello big world",
                        "QUOTED \"a~b\" c")
        ).as((k, a) -> new Ins("env", concat(List.of(k), a), List.of()));
        Arbitrary<Ins> pairs = Combinators.combine(keyword("env"),
                Arbitraries.of("A=1", "B=\"two~words\"", "C=x^~y", "D=''", "E=é", "PATH=/opt/bin:$PATH",
                        "F=\"a^\"b\"", "G=").list().ofMinSize(1).ofMaxSize(4)
        ).as((k, a) -> new Ins("env", concat(List.of(k), a), List.of()));
        return Arbitraries.oneOf(legacy, pairs);
    }

    private Arbitrary<Ins> label() {
        return Combinators.combine(keyword("label"),
                Arbitraries.of("\"com.example.vendor\"=\"ACME~Inc\"", "version=\"1.0\"",
                        "maintainer=someone@example.com", "description=\"café~☃\"", "multi.word=a^~b")
                        .list().ofMinSize(1).ofMaxSize(3)
        ).as((k, a) -> new Ins("label", concat(List.of(k), a), List.of()));
    }

    private Arbitrary<Ins> arg() {
        return Combinators.combine(keyword("arg"),
                Arbitraries.of("VERSION", "TAG=latest", "A=\"1~2\"", "BASE_IMAGE=debian:bookworm", "EMPTY=")
                        .list().ofMinSize(1).ofMaxSize(3)
        ).as((k, a) -> new Ins("arg", concat(List.of(k), a), List.of()));
    }

    private Arbitrary<Ins> expose() {
        return Combinators.combine(keyword("expose"),
                Arbitraries.of("80", "443/tcp", "53/udp", "8080").list().ofMinSize(1).ofMaxSize(3)
        ).as((k, a) -> new Ins("expose", concat(List.of(k), a), List.of()));
    }

    private Arbitrary<Ins> healthcheck() {
        Arbitrary<Ins> none = keyword("healthcheck").map(k -> new Ins("healthcheck", List.of(k, "NONE"), List.of()));
        Arbitrary<Ins> cmd = Combinators.combine(keyword("healthcheck"),
                flags("--interval=30s", "--timeout=3s", "--retries=3", "--start-period=5s"),
                Arbitraries.of("CMD", "cmd", "CMD-SHELL"),
                templates("curl -f http://localhost/ || exit 1", "[\"curl\", \"-f\", \"http://localhost/\"]",
                        "pg_isready -U postgres")
        ).as((k, f, type, c) -> new Ins("healthcheck", concat(List.of(k), f, List.of(type), c), List.of()));
        return Arbitraries.oneOf(none, cmd);
    }

    private Arbitrary<Ins> onbuild() {
        Arbitrary<Ins> inner = Arbitraries.oneOf(runShell(), copyOrAdd(), env(), heredocInstruction(), simple());
        return Combinators.combine(keyword("onbuild"), inner)
                .as((k, i) -> new Ins("onbuild", concat(List.of(k), i.words()), i.heredocs()));
    }

    /** USER, WORKDIR, STOPSIGNAL, SHELL, VOLUME, MAINTAINER. */
    private Arbitrary<Ins> simple() {
        return Arbitraries.oneOf(
                simple("user", "app", "1000:1000", "nobody"),
                simple("workdir", "/src/app", "C:\\inetpub\\wwwroot", "/with~space/dir"),
                simple("stopsignal", "SIGTERM", "9"),
                simple("shell", "[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", "[\"powershell\", \"-Command\"]"),
                simple("volume", "[\"/data\"]", "/data /logs"),
                simple("maintainer", "Jane Doe <jane@example.com>"));
    }

    private static Arbitrary<Ins> simple(String name, String... argTemplates) {
        return Combinators.combine(keyword(name), templates(argTemplates))
                .as((k, a) -> new Ins(name, concat(List.of(k), a), List.of()));
    }

    private Arbitrary<Ins> unknown() {
        return Combinators.combine(
                Arbitraries.of("FOOBAR", "include", "Frobnicate", "X-UNKNOWN"),
                templates("some unknown instruction", "", "--flag=1 x", "[\"json\"]")
        ).as((k, a) -> new Ins(k.toLowerCase(Locale.ROOT), concat(List.of(k), a), List.of()));
    }

    // ---- here-documents ---------------------------------------------------------------------

    private enum Form { PLAIN, CHOMP, DOUBLE_QUOTED, SINGLE_QUOTED, CHOMP_QUOTED, SPACED, FD }

    private static final List<String> BODY_LINES = List.of("apt-get update", "FROM this-is-heredoc-body",
            "# not a comment", "", "   ", "echo done \\", "echo done `", "RUN echo inside", "EOFX", "eof", " EOF",
            "EOF ", "\tEOF", "# syntax=not-a-directive", "    indented line", "café ☃", "[\"json\", \"like\"]",
            "<<EOF", "ONBUILD RUN x");

    private Arbitrary<Ins> heredocInstruction() {
        Arbitrary<String> name = Arbitraries.of("EOF", "EOT", "SCRIPT", "CONF", "END");
        Arbitrary<List<String>> names = name.list().ofSize(2).uniqueElements();
        Arbitrary<List<Here>> heres = Combinators.combine(names, here(), here())
                .as((n, a, b) -> List.of(a.apply(n.get(0)), b.apply(n.get(1))));
        Arbitrary<Ins> run = Combinators.combine(
                keyword("run"),
                flags("--mount=type=cache,target=/var/cache/apt", "--network=host"),
                templates("H1", "cat H1 > /etc/app.conf", "python3 H1", "H1 H2",
                        "cat H1 > /a && cat H2 > /b", "bash -e H1"),
                heres
        ).as((k, f, t, h) -> heredocIns("run", k, f, t, h));
        Arbitrary<Ins> copy = Combinators.combine(
                Arbitraries.of("copy", "add").flatMap(n -> keyword(n).map(k -> List.of(n, k))),
                flags("--chmod=755", "--chown=1000:1000", "--link"),
                templates("H1 /etc/motd", "H1 H2 /dst/", "H1 /usr/local/bin/entrypoint.sh"),
                heres
        ).as((nk, f, t, h) -> heredocIns(nk.get(0), nk.get(1), f, t, h));
        return Arbitraries.oneOf(run, copy);
    }

    private static Ins heredocIns(String name, String keyword, List<String> flags, List<String> template,
                                  List<Here> heres) {
        List<String> words = new ArrayList<>();
        words.add(keyword);
        words.addAll(flags);
        List<Here> used = new ArrayList<>();
        for (String t : template) {
            if (t.equals("H1") || t.equals("H2")) {
                Here h = heres.get(t.equals("H1") ? 0 : 1);
                words.add(h.opening());
                used.add(h);
            } else {
                words.add(t);
            }
        }
        return new Ins(name, words, used);
    }

    /** A heredoc, given its terminator name. */
    private Arbitrary<java.util.function.Function<String, Here>> here() {
        return Combinators.combine(
                Arbitraries.of(Form.values()),
                Arbitraries.of(BODY_LINES).list().ofMaxSize(4),
                Arbitraries.integers().between(0, 2).list().ofSize(5) // leading tabs for <<- lines
        ).as((form, body, tabs) -> n -> {
            boolean chomp = form == Form.CHOMP || form == Form.CHOMP_QUOTED;
            String opening = switch (form) {
                case PLAIN -> "<<" + n;
                case CHOMP -> "<<-" + n;
                case DOUBLE_QUOTED -> "<<\"" + n + "\"";
                case SINGLE_QUOTED -> "<<'" + n + "'";
                case CHOMP_QUOTED -> "<<-'" + n + "'";
                case SPACED -> "<< " + n;
                case FD -> "3<<" + n;
            };
            List<String> lines = new ArrayList<>();
            for (int k = 0; k < body.size(); k++) {
                String line = chomp ? "\t".repeat(tabs.get(k)) + body.get(k) : body.get(k);
                String asTerminator = chomp ? line.replaceFirst("^\t+", "") : line;
                if (!asTerminator.equals(n)) {
                    lines.add(line);
                }
            }
            String terminator = chomp ? "\t".repeat(tabs.get(4)) + n : n;
            return new Here(opening, n, chomp, lines, terminator);
        });
    }
}
