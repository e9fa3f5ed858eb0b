package dev.slimlab.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What in a Dockerfile not every builder can build, found before building: flags and
 * here-documents the classic builder refuses, mounts that need a BuildKit client session, a
 * {@code # syntax=} frontend BuildKit must pull, and here-documents that the built-in frontend of
 * Docker Engine before 23.0 does not parse. Pure: reads the model, does no I/O.
 *
 * <p>The classic builder of Docker 20.10 knows {@code COPY/ADD --chown}, {@code COPY --from} and
 * {@code FROM --platform}; those are not features here. Flag names are matched as BuildKit
 * matches them, case-sensitively; instruction keywords in any case.
 *
 * <p>The user-facing sentences for every kind live here, in {@link #explain(Feature, String)}:
 * the command line and the lab print them as they are.
 */
public final class BuilderFeatures {

    /** Why a builder may not build a feature. */
    public enum Kind {
        /** The classic builder refuses it: only BuildKit builds it. */
        BUILDKIT_ONLY,
        /** BuildKit builds it only with a client session ({@code --secret}, {@code --ssh}), which SlimLab does not open. */
        NEEDS_SESSION,
        /** A {@code # syntax=} directive: BuildKit pulls that frontend image from a registry. */
        EXTERNAL_FRONTEND,
        /**
         * The built-in Dockerfile frontend of Docker Engine before 23.0 does not parse it (a
         * here-document); reported only when no {@code # syntax=} directive names another frontend.
         */
        NEWER_FRONTEND
    }

    /**
     * One feature of a Dockerfile.
     *
     * @param line        the 1-based line of the instruction (or directive) that uses it
     * @param instruction the instruction's (or directive's) first line as written, trimmed and cut to about 80 characters
     * @param kind        why a builder may not build it
     * @param what        the feature: {@code RUN --mount=type=cache}, {@code COPY --chmod}, {@code RUN <<EOF},
     *                    {@code ONBUILD RUN --network=host}; for {@link Kind#EXTERNAL_FRONTEND} the frontend image
     */
    public record Feature(int line, String instruction, Kind kind, String what) {

        /** The user-facing sentence for this feature, without knowing the engine's version. */
        public String explain() {
            return BuilderFeatures.explain(this, null);
        }
    }

    /** Longest {@link Feature#instruction()} text. */
    static final int INSTRUCTION_WIDTH = 80;

    private static final Set<String> SESSION_MOUNTS = Set.of("secret", "ssh");
    /** COPY and ADD flags the classic builder of Docker 20.10 refuses (it knows --chown and --from). */
    private static final Set<String> COPY_FLAGS = Set.of("chmod", "link", "parents", "exclude");
    private static final Set<String> ADD_FLAGS = Set.of("chmod", "link", "exclude", "checksum", "keep-git-dir");

    private record FlagFeature(Kind kind, String what) {
    }

    private BuilderFeatures() {
    }

    /** The features of the file, in source order (a directive first, then by line). */
    public static List<Feature> of(Dockerfile dockerfile) {
        List<Feature> features = new ArrayList<>();
        for (Directive d : dockerfile.directives()) {
            if (d.name().equals("syntax")) {
                features.add(new Feature(d.line(), directiveText(dockerfile, d), Kind.EXTERNAL_FRONTEND, d.value()));
            }
        }
        boolean builtInFrontend = features.isEmpty();
        for (Instruction outer : dockerfile.instructions()) {
            Instruction i = outer.onbuild().orElse(outer);
            String prefix = outer == i ? "" : "ONBUILD ";
            String text = firstLine(outer.text());
            int line = outer.line();
            String keyword = i.name().toUpperCase(Locale.ROOT);
            for (FlagFeature flag : flagFeatures(i)) {
                features.add(new Feature(line, text, flag.kind(), prefix + keyword + " " + flag.what()));
            }
            for (Heredoc h : outer.heredocs()) { // the parser keeps an ONBUILD's here-documents on ONBUILD
                String what = prefix + keyword + " <<" + (h.chomp() ? "-" : "") + h.name();
                features.add(new Feature(line, text, Kind.BUILDKIT_ONLY, what));
                if (builtInFrontend) {
                    features.add(new Feature(line, text, Kind.NEWER_FRONTEND, what));
                }
            }
        }
        return List.copyOf(features);
    }

    /**
     * The user-facing sentence for a feature, starting with its line.
     *
     * @param engineVersion the Docker Engine version, named in the {@link Kind#NEWER_FRONTEND}
     *                      sentence; null or blank if unknown
     */
    public static String explain(Feature f, String engineVersion) {
        String at = "line " + f.line() + ": " + f.what();
        boolean onbuild = f.what().startsWith("ONBUILD ");
        boolean heredoc = f.what().contains("<<");
        return switch (f.kind()) {
            case BUILDKIT_ONLY -> at + (onbuild
                    ? " needs BuildKit in every build FROM this image; the classic builder refuses it there."
                    : " needs BuildKit; the classic builder refuses it.")
                    + " Build with --builder buildkit (or auto on a daemon that offers BuildKit), or "
                    + (heredoc ? "replace the here-document with a plain command or a file in the context."
                            : "remove the flag.");
            case NEEDS_SESSION -> {
                boolean ssh = f.what().endsWith("=ssh");
                yield at + " needs a BuildKit session (docker build " + (ssh ? "--ssh" : "--secret")
                        + "), which SlimLab does not open: the " + (ssh ? "SSH agent socket" : "secret")
                        + " would be missing. Build it with docker buildx, or pass the value another way for the experiment.";
            }
            case EXTERNAL_FRONTEND -> "line " + f.line() + ": # syntax=" + f.what()
                    + " makes BuildKit pull the Dockerfile frontend image " + f.what()
                    + " from a registry before it builds: without access to that registry the build fails"
                    + " (the classic builder ignores the line). Remove the line to build with the daemon's"
                    + " built-in frontend, or make the image reachable.";
            case NEWER_FRONTEND -> at + " is a here-document: the built-in Dockerfile frontend of Docker Engine "
                    + (engineVersion == null || engineVersion.isBlank() ? "" : engineVersion.strip() + " ")
                    + "before 23.0 does not know heredocs. Build on Docker Engine 23.0 or later, or add"
                    + " '# syntax=docker/dockerfile:1' as the first line (BuildKit then pulls that frontend"
                    + " from a registry).";
        };
    }

    /**
     * The flags of a RUN, COPY or ADD that the classic builder refuses, each as {@code --name}
     * or, where the value says what it does, {@code --name=value} ({@code --mount=type=cache}).
     */
    private static List<FlagFeature> flagFeatures(Instruction i) {
        List<FlagFeature> found = new ArrayList<>();
        for (Flag flag : i.flags()) {
            String name = flag.name();
            String value = flag.value().orElse("");
            switch (i.name()) {
                case "run" -> {
                    switch (name) {
                        case "mount" -> {
                            String type = mountType(value);
                            found.add(new FlagFeature(SESSION_MOUNTS.contains(type) ? Kind.NEEDS_SESSION
                                    : Kind.BUILDKIT_ONLY, "--mount=type=" + type));
                        }
                        case "network", "security" -> found.add(new FlagFeature(Kind.BUILDKIT_ONLY,
                                "--" + name + "=" + value));
                        default -> { }
                    }
                }
                case "copy" -> {
                    if (COPY_FLAGS.contains(name)) {
                        found.add(new FlagFeature(Kind.BUILDKIT_ONLY, "--" + name));
                    }
                }
                case "add" -> {
                    if (ADD_FLAGS.contains(name)) {
                        found.add(new FlagFeature(Kind.BUILDKIT_ONLY, "--" + name));
                    }
                }
                default -> { }
            }
        }
        return found;
    }

    /**
     * The type of a mount spec, lower-cased as BuildKit reads it: the value of its {@code type}
     * key (in any case, at any place in the CSV fields), {@code bind} if it has none.
     */
    static String mountType(String spec) {
        String type = "bind";
        for (String field : csvFields(spec)) {
            int eq = field.indexOf('=');
            if (eq > 0 && field.substring(0, eq).trim().equalsIgnoreCase("type")) {
                type = field.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            }
        }
        return type;
    }

    /** One CSV record's fields, as Go's encoding/csv reads them: a field that starts with {@code "} is quoted. */
    static List<String> csvFields(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = record.length();
        while (true) {
            if (i < n && record.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = record.charAt(i++);
                    if (c == '"') {
                        if (i < n && record.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
            }
            while (i < n && record.charAt(i) != ',') {
                field.append(record.charAt(i++));
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static String directiveText(Dockerfile dockerfile, Directive d) {
        for (Element e : dockerfile.elements()) {
            if (e instanceof Trivia t && t.kind() == Trivia.Kind.DIRECTIVE && t.span().startLine() == d.line()) {
                return firstLine(t.text());
            }
        }
        return "# " + d.name() + "=" + d.value();
    }

    /** The first line of a text, trimmed, cut to {@link #INSTRUCTION_WIDTH} characters with "..." if longer. */
    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = (nl < 0 ? text : text.substring(0, nl)).strip();
        return line.length() <= INSTRUCTION_WIDTH ? line : line.substring(0, INSTRUCTION_WIDTH - 3) + "...";
    }
}
