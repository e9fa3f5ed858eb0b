package dev.slimlab.dockerfile;

import dev.slimlab.gotext.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a logical line into keyword, flags and arguments, and the arguments by the rules of
 * each instruction, as BuildKit's line parsers do. Offsets are kept so edits can find each part.
 */
final class InstructionSyntax {

    private InstructionSyntax() {
    }

    /**
     * Parses the instruction starting at {@code from} in {@code line} (0 for a whole line; after
     * the keyword for the instruction inside ONBUILD). Source placement is added later by {@link #place}.
     */
    static Instruction parse(String line, int from, char escape) throws DockerfileSyntaxException {
        int start = GoText.trimLeftIndex(line, from, line.length());
        int end = GoText.trimRightIndex(line, start, line.length());
        int keywordEnd = start;
        while (keywordEnd < end && !GoText.isBlank(line.charAt(keywordEnd))) {
            keywordEnd++;
        }
        String keyword = line.substring(start, keywordEnd);
        int restStart = keywordEnd;
        while (restStart < end && GoText.isBlank(line.charAt(restStart))) {
            restStart++;
        }
        List<Flag> flags = new ArrayList<>();
        String args = "";
        TextRange argsRange = new TextRange(end, end);
        if (keywordEnd < end) {
            FlagScan scan = FlagScan.scan(line.substring(restStart, end), escape);
            for (FlagScan.Word w : scan.flags()) {
                flags.add(new Flag(w.text(), restStart + w.start(), restStart + w.end()));
            }
            String rest = scan.rest();
            int trimmedFrom = GoText.trimLeftIndex(rest, 0, rest.length());
            int trimmedTo = GoText.trimRightIndex(rest, trimmedFrom, rest.length());
            args = rest.substring(trimmedFrom, trimmedTo);
            int at = restStart + scan.restStart() + trimmedFrom;
            argsRange = line.startsWith(args, at) ? new TextRange(at, at + args.length()) : null;
        }
        String name = GoText.toLower(keyword);
        Parsed parsed = arguments(name, args, argsRange, line, escape);
        return new Instruction(keyword, new TextRange(start, keywordEnd), flags, args, argsRange,
                parsed.args, parsed.ranges, nameRanges(parsed.names, argsRange), parsed.json, parsed.onbuild,
                List.of(), line, null, null, null);
    }

    /** The same instruction placed in its source, with its here-documents. */
    static Instruction place(Instruction i, List<Heredoc> heredocs, String text, SourceSpan span, LogicalMap map) {
        Instruction inner = i.onbuild().map(o -> place(o, List.of(), text, span, map)).orElse(null);
        return new Instruction(i.keyword(), i.keywordRange(), i.flags(), i.arguments(),
                i.argumentsRange().orElse(null), i.args(), i.argRanges().orElse(null), i.nameRanges().orElse(null),
                i.isJsonForm(), inner, heredocs, i.logicalLine(), text, span, map);
    }

    /**
     * @param names for ENV, LABEL and ARG: where each declared name stands in the arguments text
     */
    private record Parsed(List<String> args, List<TextRange> ranges, boolean json, Instruction onbuild,
                          List<TextRange> names) {

        Parsed(List<String> args, List<TextRange> ranges, boolean json, Instruction onbuild) {
            this(args, ranges, json, onbuild, null);
        }

        static Parsed of(List<String> args) {
            return new Parsed(args, null, false, null);
        }
    }

    /** Name ranges in the arguments text moved to the logical line; null if the arguments are not in it as written. */
    private static List<TextRange> nameRanges(List<TextRange> names, TextRange argsRange) {
        if (names == null || argsRange == null) {
            return null;
        }
        int at = argsRange.start();
        return names.stream().map(r -> new TextRange(at + r.start(), at + r.end())).toList();
    }

    private static Parsed arguments(String name, String args, TextRange range, String line, char escape)
            throws DockerfileSyntaxException {
        switch (name) {
            case "from":
            case "expose":
                return whitespaceSeparated(args, range);
            case "add":
            case "copy":
            case "volume": {
                Optional<List<String>> json = json(args);
                return json.isPresent() ? new Parsed(json.get(), null, true, null) : whitespaceSeparated(args, range);
            }
            case "run":
            case "cmd":
            case "entrypoint":
            case "shell":
                return maybeJson(args);
            case "maintainer":
            case "user":
            case "workdir":
            case "stopsignal":
                return Parsed.of(args.isEmpty() ? List.of() : List.of(args));
            case "env":
            case "label":
                return keyValues(args, escape, name.toUpperCase(Locale.ROOT));
            case "arg": {
                List<Words.Word> words = Words.scan(args, escape);
                List<TextRange> names = new ArrayList<>();
                for (Words.Word w : words) {
                    int eq = w.text().indexOf('=');
                    names.add(new TextRange(w.start(), w.start() + (eq < 0 ? w.text().length() : eq)));
                }
                return new Parsed(words.stream().map(Words.Word::text).toList(), null, false, null, names);
            }
            case "healthcheck":
                return healthcheck(args);
            case "onbuild":
                if (args.isEmpty()) {
                    return Parsed.of(List.of());
                }
                if (range == null) {
                    return new Parsed(List.of(), null, false, parse(args, 0, escape));
                }
                return new Parsed(List.of(), null, false, parse(line, range.start(), escape));
            default:
                return Parsed.of(List.of(""));
        }
    }

    private static Parsed whitespaceSeparated(String args, TextRange range) {
        List<String> out = new ArrayList<>();
        List<TextRange> ranges = new ArrayList<>();
        int i = 0;
        while (i < args.length()) {
            int j = i;
            while (j < args.length() && !GoText.isBlank(args.charAt(j))) {
                j++;
            }
            out.add(args.substring(i, j));
            if (range != null) {
                ranges.add(new TextRange(range.start() + i, range.start() + j));
            }
            while (j < args.length() && GoText.isBlank(args.charAt(j))) {
                j++;
            }
            i = j;
        }
        return new Parsed(out, range == null ? null : ranges, false, null);
    }

    private static Optional<List<String>> json(String args) throws DockerfileSyntaxException {
        try {
            return JsonForm.parse(args);
        } catch (JsonForm.NotStringArray e) {
            throw new DockerfileSyntaxException(0, e.getMessage());
        }
    }

    private static Parsed maybeJson(String args) throws DockerfileSyntaxException {
        if (args.isEmpty()) {
            return Parsed.of(List.of());
        }
        Optional<List<String>> json = json(args);
        return json.isPresent() ? new Parsed(json.get(), null, true, null) : Parsed.of(List.of(args));
    }

    /**
     * ENV and LABEL: legacy {@code KEY value} or {@code key=value ...}; three args per pair, and
     * where each key stands in {@code args}.
     */
    private static Parsed keyValues(String args, char escape, String instruction)
            throws DockerfileSyntaxException {
        List<Words.Word> words = Words.scan(args, escape);
        if (words.isEmpty()) {
            return new Parsed(List.of(), null, false, null, List.of());
        }
        if (!words.get(0).text().contains("=")) {
            int i = 0;
            while (i < args.length() && !GoText.isBlank(args.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < args.length() && GoText.isBlank(args.charAt(j))) {
                j++;
            }
            if (i == args.length()) {
                throw new DockerfileSyntaxException(0, instruction + " must have two arguments");
            }
            return new Parsed(List.of(args.substring(0, i), args.substring(j), ""), null, false, null,
                    List.of(new TextRange(0, i)));
        }
        List<String> out = new ArrayList<>();
        List<TextRange> names = new ArrayList<>();
        for (Words.Word w : words) {
            String word = w.text();
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new DockerfileSyntaxException(0, "Syntax error - can't find = in " + GoText.quote(word)
                        + ". Must be of the form: name=value");
            }
            out.add(word.substring(0, eq));
            out.add(word.substring(eq + 1));
            out.add("=");
            names.add(new TextRange(w.start(), w.start() + eq));
        }
        return new Parsed(out, null, false, null, names);
    }

    /** HEALTHCHECK: the type word ({@code CMD}, {@code NONE}) then the command like CMD's. */
    private static Parsed healthcheck(String args) throws DockerfileSyntaxException {
        // BuildKit looks at single bytes here, so bytes 0x85 and 0xA0 also count as spaces.
        byte[] bytes = GoText.encode(args);
        int sep = 0;
        while (sep < bytes.length && !GoText.isSpaceByte(bytes[sep])) {
            sep++;
        }
        int next = sep;
        while (next < bytes.length && GoText.isSpaceByte(bytes[next])) {
            next++;
        }
        if (sep == 0) {
            return Parsed.of(List.of());
        }
        List<String> out = new ArrayList<>();
        out.add(GoText.decode(bytes, 0, sep));
        Parsed command = maybeJson(GoText.decode(bytes, next, bytes.length));
        out.addAll(command.args);
        return new Parsed(out, null, command.json, null);
    }
}
