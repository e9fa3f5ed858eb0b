package dev.slimlab.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shell glob patterns ({@code *}, {@code ?}, {@code [...]}) for {@code ${VAR#pattern}} and friends. */
final class Glob {

    private Glob() {
    }

    static Pattern toRegex(String glob, boolean greedy) {
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

    static String removePrefix(String value, String glob, boolean longest) {
        Pattern p = toRegex(glob, longest);
        for (int end = longest ? value.length() : 0; longest ? end >= 0 : end <= value.length(); end += longest ? -1 : 1) {
            if (p.matcher(value.substring(0, end)).matches()) {
                return value.substring(end);
            }
        }
        return value;
    }

    static String removeSuffix(String value, String glob, boolean longest) {
        Pattern p = toRegex(glob, longest);
        for (int start = longest ? 0 : value.length(); longest ? start <= value.length() : start >= 0; start += longest ? 1 : -1) {
            if (p.matcher(value.substring(start)).matches()) {
                return value.substring(0, start);
            }
        }
        return value;
    }

    static String replace(String value, String glob, String replacement, boolean all) {
        if (glob.isEmpty()) {
            return value;
        }
        Matcher m = toRegex(glob, true).matcher(value);
        return all ? m.replaceAll(Matcher.quoteReplacement(replacement))
                : m.replaceFirst(Matcher.quoteReplacement(replacement));
    }
}
