package dev.slimlab.gotext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell patterns of BuildKit's {@code ${VAR#pattern}} and friends ({@code *}, {@code ?},
 * {@code [...]}, {@code [!...]}), as BuildKit's shell lexer turns them into a regular expression.
 * Unlike {@link PathPattern}'s {@code filepath.Match} syntax, {@code *} also matches {@code /}.
 */
public final class ShellGlob {

    private ShellGlob() {
    }

    public static Pattern toRegex(String glob, boolean greedy) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*':
                    re.append(greedy ? ".*" : ".*?");
                    break;
                case '?':
                    re.append('.');
                    break;
                case '[': {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        re.append('[').append(set.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                    break;
                }
                case '\\':
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    } else {
                        re.append("\\\\");
                    }
                    break;
                default:
                    re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    public static String removePrefix(String value, String glob, boolean longest) {
        Pattern p = toRegex(glob, longest);
        for (int end = longest ? value.length() : 0; longest ? end >= 0 : end <= value.length(); end += longest ? -1 : 1) {
            if (p.matcher(value.substring(0, end)).matches()) {
                return value.substring(end);
            }
        }
        return value;
    }

    public static String removeSuffix(String value, String glob, boolean longest) {
        Pattern p = toRegex(glob, longest);
        for (int start = longest ? 0 : value.length(); longest ? start <= value.length() : start >= 0; start += longest ? 1 : -1) {
            if (p.matcher(value.substring(start)).matches()) {
                return value.substring(0, start);
            }
        }
        return value;
    }

    public static String replace(String value, String glob, String replacement, boolean all) {
        if (glob.isEmpty()) {
            return value;
        }
        Matcher m = toRegex(glob, true).matcher(value);
        return all ? m.replaceAll(Matcher.quoteReplacement(replacement))
                : m.replaceFirst(Matcher.quoteReplacement(replacement));
    }
}
