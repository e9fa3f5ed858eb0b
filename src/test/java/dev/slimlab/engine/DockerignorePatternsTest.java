package dev.slimlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerignorePatternsTest {

    /** One row: a .dockerignore text, a path, and whether Docker leaves the path out. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // --- Docker docs, "Dockerignore file": the first example
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "somedir/temporary.txt", true),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "somedir/temp", true),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "somedir/temp/inside.txt", true),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "somedir/subdir/temporary.txt", true),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "tempa", true),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "tempb", true),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "temp", false),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "tempab", false),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "temporary.txt", false),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "a/b/c/temporary.txt", false),
                row("# comment\n*/temp*\n*/*/temp*\ntemp?", "# comment", false),
                // --- **/*.go: every .go file, anywhere
                row("**/*.go", "main.go", true),
                row("**/*.go", "cmd/app/main.go", true),
                row("**/*.go", "main.go.txt", false),
                row("**/*.go", "go", false),
                // --- *.md with an exception: only markdown right below the root
                row("*.md\n!README.md", "CHANGELOG.md", true),
                row("*.md\n!README.md", "README.md", false),
                row("*.md\n!README.md", "docs/guide.md", false),
                // --- precedence: the last matching line wins
                row("*.md\n!README*.md\nREADME-secret.md", "README.md", false),
                row("*.md\n!README*.md\nREADME-secret.md", "README-public.md", false),
                row("*.md\n!README*.md\nREADME-secret.md", "README-secret.md", true),
                row("*.md\n!README*.md\nREADME-secret.md", "notes.md", true),
                row("*.md\nREADME-secret.md\n!README*.md", "README-secret.md", false),
                row("*.md\nREADME-secret.md\n!README*.md", "README.md", false),
                row("*.md\nREADME-secret.md\n!README*.md", "notes.md", true),
                // --- trailing slash, leading slash, ./ and .. are cleaned away
                row("build/", "build", true),
                row("build/", "build/out/app.jar", true),
                row("build/", "builder", false),
                row("/foo/bar", "foo/bar", true),
                row("/foo/bar", "foo/bar/baz.txt", true),
                row("/foo/bar", "x/foo/bar", false),
                row("./a", "a", true),
                row("a//b/", "a/b/c", true),
                row("x/../b", "b", true),
                row("x/../b", "x/b", false),
                // --- "." is ignored (for historical reasons, say the docs): it matches nothing
                row(".", "a", false),
                row(".", "a/b", false),
                row("./", "a", false),
                // --- * and ? never cross a /
                row("*.txt", "a.txt", true),
                row("*.txt", "d/a.txt", false),
                row("a?b", "axb", true),
                row("a?b", "a/b", false),
                row("*", "anything", true),
                row("*", "dir/file", true), // through its parent "dir"
                // --- escapes
                row("\\*.txt", "*.txt", true),
                row("\\*.txt", "a.txt", false),
                row("file\\[1\\].txt", "file[1].txt", true),
                row("file\\[1\\].txt", "file1.txt", false),
                row("a\\?", "a?", true),
                row("a\\?", "ab", false),
                row("a.b", "a.b", true),
                row("a.b", "axb", false), // "." is literal
                row("a+(b)|{c}$", "a+(b)|{c}$", true),
                // --- character classes (Go syntax: ^ negates, ! does not)
                row("file[0-9].txt", "file7.txt", true),
                row("file[0-9].txt", "filex.txt", false),
                row("[^a]x", "bx", true),
                row("[^a]x", "ax", false),
                row("[!a]x", "!x", true),
                row("[!a]x", "ax", true),
                row("[!a]x", "bx", false),
                row("[\\]]", "]", true),
                // --- Docker builds a regular expression: a few RE2 spellings come through
                row("[[:digit:]]x", "1x", true),
                row("[[:digit:]]x", "ax", false),
                row("a\\d", "a1", true),
                row("a\\d", "ad", false),
                // --- ** at the start, in the middle, at the end, alone
                row("**/node_modules", "node_modules", true),
                row("**/node_modules", "web/node_modules", true),
                row("**/node_modules", "a/b/node_modules/pkg/index.js", true),
                row("**/node_modules", "node_modules2", false),
                row("**/node_modules", "xnode_modules", false),
                row("a/**/b", "a/b", true),
                row("a/**/b", "a/x/b", true),
                row("a/**/b", "a/x/y/b", true),
                row("a/**/b", "ab", false),
                row("a/**/b", "a/xb", false),
                row("logs/**", "logs/a", true),
                row("logs/**", "logs/a/b", true),
                row("logs/**", "logs", false), // the folder itself is still sent
                row("**", "x", true),
                row("**", "x/y/z", true),
                row("**foo", "barfoo", true), // ** then literals: a plain suffix test
                row("**/*", "a", true),
                // --- exceptions
                row("vendor\n!vendor/keep.txt", "vendor", true),
                row("vendor\n!vendor/keep.txt", "vendor/lib.go", true),
                row("vendor\n!vendor/keep.txt", "vendor/keep.txt", false),
                row("vendor\n!vendor/keep", "vendor/keep/deep/file", false), // an exception for a folder covers what is below
                row("a\n!a", "a/b", false),
                row("a\n!a\na", "a", true),
                row("!a\na", "a", true),
                row("a\n!a", "a", false),
                // --- reading: comments only at column 0, trimming, BOM, CRLF, "! x"
                row(" # not a comment", "# not a comment", true),
                row("#comment", "#comment", false),
                row("   *.log   ", "x.log", true),
                row("\uFEFF*.log", "x.log", true),
                row("*.log\r\n*.tmp\r\n", "x.tmp", true),
                row("*\n!  keep", "keep", false),
                row("*.log\n\n\n", "x.log", true),
                row("!!bang\n*", "!bang", true), // "!!bang" re-includes a file named "!bang"... before "*" excludes it again
                row("*\n!!bang", "!bang", false));
    }

    private static Arguments row(String ignore, String path, boolean excluded) {
        return Arguments.of(ignore, path, excluded);
    }

    @ParameterizedTest(name = "[{index}] {0} ⟶ {1} excluded={2}")
    @MethodSource("cases")
    void excludesLikeDocker(String ignore, String path, boolean excluded) {
        DockerignorePatterns patterns = DockerignorePatterns.parse(ignore);
        assertThat(patterns.excludes(path)).as("%s excludes %s", patterns, path).isEqualTo(excluded);
    }

    @Test
    void readsPatternsTheWayTheCliDoes() {
        DockerignorePatterns patterns = DockerignorePatterns.parse(
                "\uFEFF# comment\n  /a/b/  \n!/c\n! ./d/../e\n\n  # x\r\n.\n");
        assertThat(patterns.patterns()).containsExactly("a/b", "!c", "!e", "# x", ".");
        assertThat(patterns.hasExceptions()).isTrue();
        assertThat(DockerignorePatterns.parse("# only a comment\n\n").isEmpty()).isTrue();
        assertThat(DockerignorePatterns.NONE.excludes("anything")).isFalse();
    }

    @Test
    void malformedPatternsAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> DockerignorePatterns.parse("ok\n!\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("illegal exclusion pattern");
        assertThatThrownBy(() -> DockerignorePatterns.parse("[abc")).hasMessageContaining("line 1")
                .hasMessageContaining("syntax error in pattern");
        assertThatThrownBy(() -> DockerignorePatterns.parse("a\\")).hasMessageContaining("syntax error");
        assertThatThrownBy(() -> DockerignorePatterns.parse("[a-]")).hasMessageContaining("syntax error");
        assertThatThrownBy(() -> DockerignorePatterns.parse("[]a]")).hasMessageContaining("syntax error");
        assertThatThrownBy(() -> DockerignorePatterns.parse("x\n\n[z-a]")).hasMessageContaining("line 3");
        assertThatThrownBy(() -> DockerignorePatterns.parse("[[:nope:]]")).hasMessageContaining("syntax error");
    }

    @Test
    void anExcludedFolderIsSkippedOnlyWhenNoExceptionNamesSomethingBelowIt() {
        DockerignorePatterns withException = DockerignorePatterns.parse("vendor\nnode_modules\n!vendor/keep.txt");
        assertThat(withException.canSkipDirectory("vendor")).isFalse();
        assertThat(withException.mayReincludeBelow("vendor")).isTrue();
        assertThat(withException.canSkipDirectory("node_modules")).isTrue();
        assertThat(withException.canSkipDirectory("src")).as("not excluded at all").isFalse();

        DockerignorePatterns plain = DockerignorePatterns.parse("vendor");
        assertThat(plain.canSkipDirectory("vendor")).isTrue();
        assertThat(plain.canSkipDirectory("vendor/deep")).isTrue();

        // The CLI's test is textual: a wildcard exception does not keep it from skipping.
        DockerignorePatterns wildcard = DockerignorePatterns.parse("vendor\n!**/keep.txt");
        assertThat(wildcard.excludes("vendor/keep.txt")).isFalse();
        assertThat(wildcard.canSkipDirectory("vendor")).isTrue();
        // ...while one that spells the folder out does.
        assertThat(DockerignorePatterns.parse("vendor\n!vendor/*/keep.txt").canSkipDirectory("vendor")).isFalse();
    }

    @Test
    void walkMatchingReusesTheParentsResult() {
        DockerignorePatterns patterns = DockerignorePatterns.parse("vendor\n!vendor/keep.txt");
        DockerignorePatterns.WalkMatch vendor = patterns.matchInWalk("vendor", null);
        assertThat(vendor.excluded()).isTrue();
        assertThat(patterns.matchInWalk("vendor/lib.go", vendor).excluded()).isTrue();
        assertThat(patterns.matchInWalk("vendor/keep.txt", vendor).excluded()).isFalse();
    }

    @Test
    void walkMatchingKeepsDockersCornerWhereASkippedPatternIsNotTestedOnParents() {
        // a: excluded; !a/x: re-included; a again: should exclude a/x by "last match wins",
        // but for the folder "a" the third line was skipped (it could not change anything there),
        // so for "a/x" the walk tests it against "a/x" alone. The docker CLI sends a/x.
        DockerignorePatterns patterns = DockerignorePatterns.parse("a\n!a/x\na");
        assertThat(patterns.excludes("a/x")).isTrue();
        DockerignorePatterns.WalkMatch a = patterns.matchInWalk("a", null);
        assertThat(a.excluded()).isTrue();
        assertThat(patterns.matchInWalk("a/x", a).excluded()).isFalse();
        assertThat(patterns.matchInWalk("a/x", null).excluded()).as("without the parent's result").isTrue();
    }

    @Test
    void equalPatternListsAreEqual() {
        assertThat(DockerignorePatterns.parse("/a/\n# c\nb")).isEqualTo(DockerignorePatterns.of(List.of("a", "b")));
        assertThat(DockerignorePatterns.of(List.of("a", "!a/b")).excludes("a/b")).isFalse();
    }

    // ---------------------------------------------------------------------------------------
    // Properties

    @Property
    void aPathNoPatternCanMatchIsNeverExcluded(@ForAll("literalPatterns") List<String> lines,
                                               @ForAll("xyzPaths") String path) {
        // Patterns spelled with a, b and c (and wildcards-free); paths with x, y and z only.
        assertThat(DockerignorePatterns.parse(String.join("\n", lines)).excludes(path)).isFalse();
    }

    @Property
    void anExceptionAfterTheSameLiteralPathReincludesItAndWhatIsBelow(@ForAll("literalPaths") String path) {
        DockerignorePatterns excluded = DockerignorePatterns.parse(path);
        assertThat(excluded.excludes(path)).isTrue();
        assertThat(excluded.excludes(path + "/below")).isTrue();

        DockerignorePatterns reincluded = DockerignorePatterns.parse(path + "\n!" + path);
        assertThat(reincluded.excludes(path)).isFalse();
        assertThat(reincluded.excludes(path + "/below")).isFalse();

        assertThat(DockerignorePatterns.parse("!" + path + "\n" + path).excludes(path)).isTrue();
    }

    @Property
    void starAndQuestionMarkAgreeWithGosFilepathMatchOnThePathOrAParent(@ForAll("globs") String glob,
                                                                        @ForAll("abPaths") String path) {
        boolean expected = false;
        for (String prefix : selfAndParents(path)) {
            expected |= goFilepathMatch(glob, prefix);
        }
        assertThat(DockerignorePatterns.parse(glob).excludes(path)).isEqualTo(expected);
    }

    @Property
    void withoutExceptionsTheWalkAgreesWithExcludes(@ForAll("globLists") List<String> lines,
                                                    @ForAll("abPaths") String path) {
        DockerignorePatterns patterns = DockerignorePatterns.parse(String.join("\n", lines));
        DockerignorePatterns.WalkMatch match = null;
        List<String> topDown = selfAndParents(path);
        Collections.reverse(topDown);
        for (String prefix : topDown) {
            match = patterns.matchInWalk(prefix, match);
        }
        assertThat(match.excluded()).isEqualTo(patterns.excludes(path));
    }

    @Provide
    Arbitrary<List<String>> literalPatterns() {
        return Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(3)
                .list().ofMinSize(1).ofMaxSize(3).map(s -> String.join("/", s))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> xyzPaths() {
        return Arbitraries.strings().withChars("xyz").ofMinLength(1).ofMaxLength(4)
                .list().ofMinSize(1).ofMaxSize(4).map(s -> String.join("/", s));
    }

    @Provide
    Arbitrary<String> literalPaths() {
        return Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(4).map(s -> String.join("/", s));
    }

    @Provide
    Arbitrary<String> abPaths() {
        return Arbitraries.strings().withChars("ab").ofMinLength(1).ofMaxLength(3)
                .list().ofMinSize(1).ofMaxSize(4).map(s -> String.join("/", s));
    }

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.strings().withChars("ab*?").ofMinLength(1).ofMaxLength(4)
                .filter(s -> !s.contains("**"))
                .list().ofMinSize(1).ofMaxSize(3).map(s -> String.join("/", s));
    }

    @Provide
    Arbitrary<List<String>> globLists() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab*?").ofMinLength(1).ofMaxLength(3),
                Arbitraries.just("**"));
        return segment.list().ofMinSize(1).ofMaxSize(3).map(s -> String.join("/", s))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    /** The path and each of its parent folders, longest first. */
    private static List<String> selfAndParents(String path) {
        List<String> out = new ArrayList<>();
        for (String p = path; ; ) {
            out.add(p);
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return out;
            }
            p = p.substring(0, slash);
        }
    }

    /** Go's filepath.Match restricted to literals, '*' and '?'. */
    private static boolean goFilepathMatch(String pattern, String name) {
        if (pattern.isEmpty()) {
            return name.isEmpty();
        }
        char c = pattern.charAt(0);
        if (c == '*') {
            for (int k = 0; k <= name.length(); k++) {
                if (goFilepathMatch(pattern.substring(1), name.substring(k))) {
                    return true;
                }
                if (k < name.length() && name.charAt(k) == '/') {
                    return false;
                }
            }
            return false;
        }
        if (name.isEmpty()) {
            return false;
        }
        if (c == '?') {
            return name.charAt(0) != '/' && goFilepathMatch(pattern.substring(1), name.substring(1));
        }
        return c == name.charAt(0) && goFilepathMatch(pattern.substring(1), name.substring(1));
    }
}
