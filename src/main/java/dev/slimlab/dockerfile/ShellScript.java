package dev.slimlab.dockerfile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell-form command line (or here-document script) split into simple commands joined by
 * {@code &&}, {@code ||}, {@code ;}, {@code |}, {@code &} and newlines, each with its words and
 * their quoting. It is a reader, not a shell: enough structure to find {@code apt-get install}
 * and its options, {@code pip install} or {@code rm -rf}, and to rewrite one command while
 * leaving the rest of the text as it was. Compound syntax ({@code if}, {@code for}, braces,
 * subshells) is read as the simple commands inside it.
 */
public final class ShellScript {

    private final String text;
    private final int offset;
    private final List<ShellCommand> commands;

    private ShellScript(String text, int offset, List<ShellCommand> commands) {
        this.text = text;
        this.offset = offset;
        this.commands = List.copyOf(commands);
    }

    /** Reads a script; offsets of commands and words are indexes into {@code text}. */
    public static ShellScript parse(String text) {
        return parse(text, 0);
    }

    /** Reads a script whose offsets are shifted by {@code offset} (its place in a larger text). */
    public static ShellScript parse(String text, int offset) {
        return new Reader(text, offset).read();
    }

    /**
     * The command of a shell-form RUN (also inside ONBUILD), with offsets in the instruction's
     * logical line, ready for {@link Dockerfile#edit}. Empty for JSON form or other instructions.
     */
    public static Optional<ShellScript> of(Instruction instruction) {
        Instruction run = instruction.onbuild().orElse(instruction);
        if (!run.is("run") || run.isJsonForm()) {
            return Optional.empty();
        }
        return run.argumentsRange().map(r -> parse(run.arguments(), r.start()));
    }

    /**
     * The shell script the first here-document of a RUN feeds to the shell ({@code RUN <<EOF}), with
     * offsets in the instruction's text, ready for {@link Dockerfile#editText}. Empty when the
     * here-document is the input of another program ({@code RUN python3 <<EOF}).
     */
    public static Optional<ShellScript> ofHeredoc(Instruction instruction, Heredoc heredoc) {
        Optional<ShellScript> line = of(instruction);
        boolean fedToTheShell = instruction.heredocs().indexOf(heredoc) == 0
                && line.map(s -> !s.commands().isEmpty() && s.commands().get(0).words().isEmpty()).orElse(false);
        return fedToTheShell ? Optional.of(parse(heredoc.content(), heredoc.contentOffset())) : Optional.empty();
    }

    public String text() {
        return text;
    }

    public List<ShellCommand> commands() {
        return commands;
    }

    /** The source text of a range given in this script's offsets. */
    public String textOf(TextRange range) {
        return text.substring(range.start() - offset, range.end() - offset);
    }

    /** Where this script's text starts (in the logical line, or the instruction's text for a here-document). */
    public int offset() {
        return offset;
    }

    /** The commands that run {@code programName} {@code subcommand}, e.g. ("pip", "install"). */
    public List<ShellCommand> find(String programName, String subcommand) {
        return commands.stream().filter(c -> c.runs(programName, subcommand)).toList();
    }

    /**
     * The range to delete to drop a command together with one adjacent operator, so that
     * {@code a && b && c} minus {@code b} reads {@code a && c}.
     */
    public TextRange removalRange(ShellCommand command) {
        return removalRanges(List.of(command)).get(0);
    }

    /**
     * The ranges to delete to drop several commands, each run of neighbouring commands as one
     * range (so the ranges never overlap): {@code a && b && c && d} minus {@code b} and
     * {@code c} reads {@code a && d}.
     */
    public List<TextRange> removalRanges(Collection<ShellCommand> toRemove) {
        List<Integer> indexes = new ArrayList<>();
        for (ShellCommand command : toRemove) {
            int index = commands.indexOf(command);
            if (index < 0) {
                throw new IllegalArgumentException("not a command of this script: " + command);
            }
            indexes.add(index);
        }
        indexes.sort(null);
        List<TextRange> ranges = new ArrayList<>();
        int k = 0;
        while (k < indexes.size()) {
            int first = indexes.get(k);
            int last = first;
            while (k + 1 < indexes.size() && indexes.get(k + 1) <= last + 1) {
                last = indexes.get(++k);
            }
            k++;
            if (last + 1 < commands.size()) {
                ranges.add(new TextRange(commands.get(first).start(), commands.get(last + 1).start()));
            } else if (first > 0) {
                ranges.add(new TextRange(commands.get(first - 1).end(), commands.get(last).end()));
            } else {
                ranges.add(new TextRange(commands.get(first).start(), commands.get(last).end()));
            }
        }
        return ranges;
    }

    /** The script with one range (in this script's offsets) replaced. */
    public String replaced(TextRange range, String replacement) {
        return text.substring(0, range.start() - offset) + replacement + text.substring(range.end() - offset);
    }

    /** A redirection operator, with its optional file descriptor number. */
    private static final Pattern REDIRECTION = Pattern.compile("[0-9]*(<<<|<<-?|<>|<&|>&|>>|>\\||<|>)|&>>?");

    private static final class Reader {
        private final String s;
        private final int offset;
        private int pos;
        private final List<ShellCommand> commands = new ArrayList<>();
        private final List<ShellWord> assignments = new ArrayList<>();
        private final List<ShellWord> words = new ArrayList<>();
        private final List<ShellWord> redirections = new ArrayList<>();
        private int commandStart = -1;
        private int commandEnd = -1;

        Reader(String s, int offset) {
            this.s = s;
            this.offset = offset;
        }

        ShellScript read() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\r') {
                    pos++;
                } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                    pos += 2; // line continuation inside a here-document script
                } else if (c == '#' ) {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (isRedirection()) {
                    redirection();
                } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
                    operator();
                } else if (c == '(' || c == ')') {
                    finish("");
                    pos++;
                } else {
                    word();
                }
            }
            finish("");
            return new ShellScript(s, offset, commands);
        }

        private void operator() {
            char c = s.charAt(pos);
            String op;
            if ((c == '&' || c == '|' || c == ';') && pos + 1 < s.length() && s.charAt(pos + 1) == c) {
                op = "" + c + c;
            } else if (c == '|' && pos + 1 < s.length() && s.charAt(pos + 1) == '&') {
                op = "|&";
            } else {
                op = String.valueOf(c);
            }
            pos += op.length();
            finish(op);
        }

        private void finish(String op) {
            if (commandStart >= 0) {
                commands.add(new ShellCommand(assignments, words, redirections, op,
                        offset + commandStart, offset + commandEnd));
            }
            assignments.clear();
            words.clear();
            redirections.clear();
            commandStart = -1;
        }

        /** At a redirection: {@code >}, {@code >>}, {@code 2>&1}, {@code <}, {@code <<EOF}, {@code &>} and the like. */
        private boolean isRedirection() {
            return REDIRECTION.matcher(s).region(pos, s.length()).lookingAt();
        }

        /** A redirection with its target word ({@code > /dev/null}, {@code <<'EOF'}); fd duplications have none. */
        private void redirection() {
            int start = pos;
            Matcher m = REDIRECTION.matcher(s).region(pos, s.length());
            m.lookingAt();
            pos = m.end();
            boolean duplication = m.group().endsWith("&");
            int afterOperator = pos;
            if (duplication) {
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-')) {
                    pos++;
                }
            }
            if (pos == afterOperator) {
                while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                    pos++;
                }
                if (pos < s.length() && "\n;&|()<>".indexOf(s.charAt(pos)) < 0) {
                    scanWord();
                } else {
                    pos = afterOperator;
                }
            }
            mark(start);
            String raw = s.substring(start, pos);
            redirections.add(new ShellWord(raw, raw, offset + start, offset + pos));
        }

        private void word() {
            int start = pos;
            String value = scanWord();
            mark(start);
            ShellWord word = new ShellWord(s.substring(start, pos), value, offset + start, offset + pos);
            if (words.isEmpty() && isAssignment(word.raw())) {
                assignments.add(word);
            } else {
                words.add(word);
            }
        }

        private void mark(int start) {
            if (commandStart < 0) {
                commandStart = start;
            }
            commandEnd = pos;
        }

        private static boolean isAssignment(String raw) {
            int eq = raw.indexOf('=');
            return eq > 0 && raw.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
        }

        /** Scans one word from {@code pos}; returns its value with quotes and escapes removed. */
        private String scanWord() {
            StringBuilder value = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '&' || c == '|'
                        || c == '(' || c == ')' || c == '>' || c == '<') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (pos + 1 < s.length()) {
                        value.append(s.charAt(pos + 1));
                    }
                    pos = Math.min(s.length(), pos + 2);
                } else if (c == '\'') {
                    int close = s.indexOf('\'', pos + 1);
                    int end = close < 0 ? s.length() : close;
                    value.append(s, pos + 1, end);
                    pos = Math.min(s.length(), end + 1);
                } else if (c == '"') {
                    pos++;
                    while (pos < s.length() && s.charAt(pos) != '"') {
                        char d = s.charAt(pos);
                        if (d == '\\' && pos + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(pos + 1)) >= 0) {
                            value.append(s.charAt(pos + 1));
                            pos += 2;
                        } else if (d == '$' && pos + 1 < s.length() && s.charAt(pos + 1) == '(') {
                            int from = pos;
                            skipBalanced('(', ')', 1);
                            value.append(s, from, pos);
                        } else {
                            value.append(d);
                            pos++;
                        }
                    }
                    pos = Math.min(s.length(), pos + 1);
                } else if (c == '$' && pos + 1 < s.length() && (s.charAt(pos + 1) == '(' || s.charAt(pos + 1) == '{')) {
                    int from = pos;
                    char open = s.charAt(pos + 1);
                    skipBalanced(open, open == '(' ? ')' : '}', 1);
                    value.append(s, from, pos);
                } else if (c == '`') {
                    int close = s.indexOf('`', pos + 1);
                    int end = close < 0 ? s.length() : close + 1;
                    value.append(s, pos, end);
                    pos = end;
                } else {
                    value.append(c);
                    pos++;
                }
            }
            return value.toString();
        }

        /** Skips {@code $(...)} or {@code ${...}} from {@code pos} (at the {@code $}), nesting included. */
        private void skipBalanced(char open, char close, int skip) {
            pos += skip + 1;
            int depth = 1;
            while (pos < s.length() && depth > 0) {
                char c = s.charAt(pos);
                if (c == '\\') {
                    pos = Math.min(s.length(), pos + 2);
                    continue;
                }
                if (c == '\'' && open == '(') {
                    int q = s.indexOf('\'', pos + 1);
                    pos = q < 0 ? s.length() : q + 1;
                    continue;
                }
                if (c == open) {
                    depth++;
                } else if (c == close) {
                    depth--;
                }
                pos++;
            }
            pos = Math.min(pos, s.length());
        }
    }
}
