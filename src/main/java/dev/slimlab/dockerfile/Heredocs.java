package dev.slimlab.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the here-documents a RUN, COPY or ADD line opens, as BuildKit does. */
final class Heredocs {

    private static final Pattern OPENING = Pattern.compile("^([0-9]*)<<(-?)([^<]*)\\z", Pattern.DOTALL);
    /** A {@code <<} (or {@code <<-}, {@code 3<<}) word followed by blanks: joined to the next word. */
    private static final Pattern SPACED_OPERATOR = Pattern.compile("(?<![^ \\t])([0-9]*<<-?)[ \\t]+(?=[^ \\t])");

    record Opening(String name, boolean chomp, boolean expand, int fileDescriptor) {
    }

    private Heredocs() {
    }

    static List<Opening> openings(String line) {
        List<String> words;
        try {
            String joined = SPACED_OPERATOR.matcher(line).replaceAll("$1"); // "<< EOF" reads as "<<EOF"
            words = new ShellLex('\\').rawQuotes(true).rawEscapes(true).processWords(joined, name -> null);
        } catch (ShellLex.ExpansionException e) {
            return List.of(); // BuildKit ignores lines its shell lexer cannot read
        }
        List<Opening> openings = new ArrayList<>();
        for (String word : words) {
            Matcher m = OPENING.matcher(word);
            if (!m.matches() || m.group(3).isEmpty()) {
                continue;
            }
            opening(m).ifPresent(openings::add);
        }
        return openings;
    }

    private static Optional<Opening> opening(Matcher m) {
        String rest = m.group(3);
        try {
            List<String> words = new ShellLex('\\').skipUnsetEnv(true).processWords(rest, name -> null);
            if (words.size() != 1) {
                return Optional.empty();
            }
            List<String> raw = new ShellLex('\\').skipUnsetEnv(true).rawQuotes(true).processWords(rest, name -> null);
            String name = words.get(0);
            boolean expand = quotes(name) == quotes(raw.get(0));
            int fd = m.group(1).isEmpty() ? 0 : parseFd(m.group(1));
            return Optional.of(new Opening(name, m.group(2).equals("-"), expand, fd));
        } catch (ShellLex.ExpansionException e) {
            return Optional.empty();
        }
    }

    private static int parseFd(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long quotes(String s) {
        return s.chars().filter(c -> c == '\'' || c == '"').count();
    }
}
