package dev.slimlab.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An image reference as a FROM names it, {@code [registry/][namespace/]name[:tag][@digest]}, and
 * what SlimLab knows of the variants the official images publish ({@code -slim}, {@code -alpine},
 * JRE tags).
 *
 * <p>It reads a reference as written too: {@code ${...}} is kept whole, so
 * {@code python:${PY:-3.10}-bookworm} has the name {@code python} and the tag
 * {@code ${PY:-3.10}-bookworm}. Printing gives back the text it was read from.
 *
 * @param registry  the registry host ({@code docker.io}, {@code ghcr.io}, {@code localhost:5000}), or ""
 * @param namespace the path between registry and name ({@code library}, {@code bitnami}), or ""
 * @param name      the last path component ({@code python})
 * @param tag       the tag, or "" when none is written
 * @param digest    the digest ({@code sha256:...}), or ""
 */
record ImageReference(String registry, String namespace, String name, String tag, String digest) {

    /** The Alpine release {@code alpine-base} moves Debian stages to. */
    static final String ALPINE_RELEASE = "3.20";

    /** Debian release code names, as they appear in the tags of the official images. */
    private static final Set<String> DEBIAN_CODENAMES =
            Set.of("jessie", "stretch", "buster", "bullseye", "bookworm", "trixie", "forky");
    private static final Set<String> DEBIAN_SUITES =
            Set.of("stable", "testing", "unstable", "sid", "oldstable", "oldoldstable", "experimental", "rc-buggy");
    private static final Set<String> DOCKER_HUB =
            Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.docker.com");
    /** Official images known to publish no {@code -slim} tags. */
    private static final Set<String> NO_SLIM = Set.of("ubuntu", "golang", "php", "eclipse-temurin", "centos", "nginx",
            "alpine", "busybox", "fedora", "amazonlinux", "almalinux", "rockylinux", "oraclelinux", "amazoncorretto",
            "maven", "gradle", "postgres", "mysql", "mariadb", "redis", "httpd", "mongo", "composer", "gcc", "haproxy",
            "traefik", "caddy", "memcached", "rabbitmq");
    /** Official images known to publish no {@code -alpine} tags. */
    private static final Set<String> NO_ALPINE = Set.of("ubuntu", "centos", "fedora", "amazonlinux", "almalinux",
            "rockylinux", "oraclelinux", "pypy", "gcc", "mysql");

    /** Official images whose {@code -slim} tag comes before the Debian release: {@code 3.10-slim-bookworm}. */
    private static final Set<String> SLIM_BEFORE_RELEASE = Set.of("python", "ruby", "perl", "pypy", "rust");
    /** Official images whose {@code -alpine} tags SlimLab moves to. */
    private static final Set<String> ALPINE_FAMILIES = Set.of("python", "node", "ruby", "golang", "rust");

    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z._+]*");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern DATE = Pattern.compile("[0-9]{8}");
    private static final Pattern DEBIAN_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern OPENJDK_WITH_JRE = Pattern.compile("(6|7|8|11)([^0-9].*)?");
    private static final Pattern BUILD_NUMBER = Pattern.compile("b[0-9]+");

    /**
     * Reads a reference; empty if it is not one (nothing written, an empty name, tag or digest).
     * Variables ({@code $X}, {@code ${X}}) are kept as written.
     */
    static Optional<ImageReference> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String rest = text;
        String digest = "";
        int at = indexOutsideBraces(rest, '@', false);
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (digest.isEmpty()) {
                return Optional.empty();
            }
        }
        int slash = indexOutsideBraces(rest, '/', true);
        String path = slash < 0 ? "" : rest.substring(0, slash);
        String last = slash < 0 ? rest : rest.substring(slash + 1);
        String tag = "";
        int colon = indexOutsideBraces(last, ':', true);
        if (colon >= 0) {
            tag = last.substring(colon + 1);
            last = last.substring(0, colon);
            if (tag.isEmpty()) {
                return Optional.empty();
            }
        }
        if (last.isEmpty()) {
            return Optional.empty();
        }
        String registry = "";
        String namespace = path;
        if (!path.isEmpty()) {
            int first = indexOutsideBraces(path, '/', false);
            String head = first < 0 ? path : path.substring(0, first);
            if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
                registry = head;
                namespace = first < 0 ? "" : path.substring(first + 1);
            }
        }
        return Optional.of(new ImageReference(registry, namespace, last, tag, digest));
    }

    /** The first (or last) index of {@code c} outside {@code ${...}}; -1 if there is none. */
    private static int indexOutsideBraces(String s, char c, boolean last) {
        int depth = 0;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (ch == '}' && depth > 0) {
                depth--;
            } else if (ch == c && depth == 0) {
                if (!last) {
                    return i;
                }
                found = i;
            }
        }
        return found;
    }

    /** An official Docker Hub image: no registry but Docker Hub's, no namespace but {@code library}. */
    boolean isOfficial() {
        return (registry.isEmpty() || DOCKER_HUB.contains(registry.toLowerCase(Locale.ROOT)))
                && (namespace.isEmpty() || namespace.equals("library"));
    }

    /** The name as Docker Hub lists it, lower-cased. */
    String officialName() {
        return name.toLowerCase(Locale.ROOT);
    }

    boolean hasDigest() {
        return !digest.isEmpty();
    }

    /** True if any part is written with variables. */
    boolean usesVariables() {
        return toString().contains("$");
    }

    ImageReference withTag(String newTag) {
        return new ImageReference(registry, namespace, name, newTag, digest);
    }

    ImageReference withName(String newName) {
        return new ImageReference(registry, namespace, newName, tag, digest);
    }

    /** The same repository with another name and tag (no digest: a digest names one image only). */
    ImageReference with(Variant variant) {
        return new ImageReference(registry, namespace, variant.name(), variant.tag(), "");
    }

    /** The repository without tag or digest: {@code docker.io/library/python}. */
    String repository() {
        StringBuilder out = new StringBuilder();
        if (!registry.isEmpty()) {
            out.append(registry).append('/');
        }
        if (!namespace.isEmpty()) {
            out.append(namespace).append('/');
        }
        return out.append(name).toString();
    }

    @Override
    public String toString() {
        return repository() + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    // ---- variants of the official images ----------------------------------------------------

    /**
     * Another image of the same repository, named by {@code name} and {@code tag}; or the reason
     * there is none ({@code name} and {@code tag} null).
     */
    record Variant(String name, String tag, String reason) {

        static Variant of(String name, String tag) {
            return new Variant(name, tag, null);
        }

        static Variant none(String reason) {
            return new Variant(null, null, reason);
        }

        boolean exists() {
            return reason == null;
        }
    }

    /** A rule that names an official image's variant from its name and tag (the tag may hold variables). */
    @FunctionalInterface
    interface VariantRule {
        Variant of(String officialName, String tag);
    }

    /** The tag split at {@code -} outside {@code ${...}}; empty for no tag. */
    static List<String> tagParts(String tag) {
        List<String> parts = new ArrayList<>();
        if (tag.isEmpty()) {
            return parts;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tag.length(); i++) {
            char ch = tag.charAt(i);
            if (ch == '$' && i + 1 < tag.length() && tag.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (ch == '}' && depth > 0) {
                depth--;
            } else if (ch == '-' && depth == 0) {
                parts.add(tag.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(tag.substring(start));
        return parts;
    }

    private static boolean isCodename(String part) {
        return DEBIAN_CODENAMES.contains(part);
    }

    private static boolean isVariable(String part) {
        return part.contains("$");
    }

    /** A version part: {@code 3.10}, {@code 20}, {@code 3.13.0rc1}, a variable; for node also {@code lts}, {@code iron}. */
    private static boolean isVersion(String part, boolean wordsToo) {
        if (isVariable(part) || VERSION.matcher(part).matches()) {
            return true;
        }
        return wordsToo && WORD.matcher(part).matches() && !isCodename(part) && !isMarker(part);
    }

    /** A part that names a variant that is no plain Debian image. */
    private static boolean isMarker(String part) {
        return part.equals("slim") || part.startsWith("alpine") || part.startsWith("windowsservercore")
                || part.startsWith("nanoserver") || part.equals("jdk") || part.equals("jre") || part.equals("onbuild");
    }

    private static Optional<String> otherSystem(String image, List<String> parts) {
        for (String part : parts) {
            if (part.startsWith("alpine")) {
                return Optional.of(image + " is an Alpine variant, already smaller than -slim");
            }
            if (part.startsWith("windowsservercore") || part.startsWith("nanoserver")) {
                return Optional.of(image + " is a Windows variant; the -slim variants are Debian images");
            }
        }
        return Optional.empty();
    }

    private static String image(String name, String tag) {
        return tag.isEmpty() ? name : name + ":" + tag;
    }

    private static boolean latest(String tag) {
        return tag.isEmpty() || tag.equals("latest");
    }

    /** The {@code -slim} variant of an official image: {@code python:3.10} → {@code python:3.10-slim}. */
    static Variant slim(String name, String tag) {
        String image = image(name, tag);
        List<String> parts = tagParts(tag);
        Optional<String> other = otherSystem(image, parts);
        if (other.isPresent()) {
            return Variant.none(other.get());
        }
        if (parts.contains("slim")) {
            return Variant.none(image + " is already the -slim variant");
        }
        String unknownTag = "no -slim variant of " + image + " is known (only " + name
                + "'s version and Debian release tags have one)";
        switch (name) {
            case "python", "ruby", "perl", "pypy", "rust" -> {
                if (latest(tag)) {
                    return Variant.of(name, "slim");
                }
                int last = parts.size() - 1;
                if (isCodename(parts.get(last)) && (last == 0 || last == 1 && isVersion(parts.get(0), false))) {
                    return Variant.of(name, last == 0 ? "slim-" + tag
                            : parts.get(0) + "-slim-" + parts.get(last));
                }
                if (parts.size() == 1 && isVersion(parts.get(0), false)) {
                    return Variant.of(name, tag + "-slim");
                }
                return Variant.none(unknownTag);
            }
            case "node" -> {
                if (latest(tag)) {
                    return Variant.of(name, "slim");
                }
                int last = parts.size() - 1;
                boolean release = isCodename(parts.get(last));
                if (parts.size() == 1 && (release || isVersion(parts.get(0), true))
                        || parts.size() == 2 && release && isVersion(parts.get(0), true)) {
                    return Variant.of(name, tag + "-slim");
                }
                return Variant.none(unknownTag);
            }
            case "debian" -> {
                if (latest(tag)) {
                    return Variant.of(name, "stable-slim");
                }
                String first = parts.get(0);
                boolean release = isCodename(first) || DEBIAN_SUITES.contains(first)
                        || DEBIAN_NUMBER.matcher(first).matches() || isVariable(first);
                if (release && (parts.size() == 1 || parts.size() == 2 && DATE.matcher(parts.get(1)).matches())) {
                    return Variant.of(name, tag + "-slim");
                }
                return Variant.none(unknownTag);
            }
            case "openjdk" -> {
                if (latest(tag)) {
                    return Variant.none("openjdk:" + (tag.isEmpty() ? "latest" : tag)
                            + " has no -slim tag; name a Java version, e.g. openjdk:11-slim");
                }
                // version [jdk|jre] [release]: slim goes before the release
                int i = 0;
                if (!isVersion(parts.get(i), false)) {
                    return Variant.none(unknownTag);
                }
                i++;
                if (i < parts.size() && (parts.get(i).equals("jdk") || parts.get(i).equals("jre"))) {
                    i++;
                }
                List<String> out = new ArrayList<>(parts.subList(0, i));
                out.add("slim");
                if (i < parts.size() && isCodename(parts.get(i))) {
                    out.add(parts.get(i));
                    i++;
                }
                if (i < parts.size()) {
                    return Variant.none(unknownTag);
                }
                return Variant.of(name, String.join("-", out));
            }
            default -> {
                return Variant.none((NO_SLIM.contains(name) ? "no -slim variant is published for " + name
                        : "SlimLab knows no -slim variant of " + name) + "; see alpine-base or a distroless image");
            }
        }
    }

    /**
     * The {@code -alpine} variant of an official image: {@code python:3.10-slim} →
     * {@code python:3.10-alpine}, {@code node:20-bookworm} → {@code node:20-alpine}, {@code debian}
     * → {@code alpine:3.20}.
     */
    static Variant alpine(String name, String tag) {
        String image = image(name, tag);
        List<String> parts = tagParts(tag);
        for (String part : parts) {
            if (part.startsWith("alpine")) {
                return Variant.none(image + " is already an Alpine image");
            }
            if (part.startsWith("windowsservercore") || part.startsWith("nanoserver")) {
                return Variant.none(image + " is a Windows image");
            }
        }
        if (name.equals("alpine")) {
            return Variant.none(image + " is already an Alpine image");
        }
        if (name.equals("debian")) {
            return Variant.of("alpine", ALPINE_RELEASE);
        }
        if (!ALPINE_FAMILIES.contains(name)) {
            return Variant.none(NO_ALPINE.contains(name) ? "no -alpine variant is published for " + name
                    : "SlimLab moves only python, node, ruby, golang, rust and debian images to Alpine, not " + name);
        }
        if (latest(tag)) {
            return Variant.of(name, "alpine");
        }
        List<String> version = parts.stream().filter(p -> !p.equals("slim") && !isCodename(p)).toList();
        if (version.isEmpty()) {
            return Variant.of(name, "alpine");
        }
        if (version.size() == 1 && isVersion(version.get(0), name.equals("node"))) {
            return Variant.of(name, version.get(0) + "-alpine");
        }
        return Variant.none("no -alpine variant of " + image + " is known");
    }

    /**
     * The JRE of an official JDK image: {@code eclipse-temurin:17-jdk} → {@code 17-jre},
     * {@code openjdk:11-jdk-slim} → {@code 11-jre-slim}; or why there is none (also for the maven and
     * gradle build images); null when the image is no JDK image SlimLab knows.
     */
    static Variant jre(String name, String tag) {
        String image = image(name, tag);
        List<String> parts = tagParts(tag);
        switch (name) {
            case "eclipse-temurin", "openjdk" -> {
                if (parts.contains("jre")) {
                    return Variant.none(image + " is already the JRE");
                }
                if (name.equals("openjdk") && !parts.isEmpty() && !isVariable(parts.get(0))
                        && !OPENJDK_WITH_JRE.matcher(parts.get(0)).matches() && !latest(tag)) {
                    return Variant.none("openjdk publishes JRE images for Java 8 and 11 only; "
                            + "for " + image + " see eclipse-temurin:<version>-jre");
                }
                int jdk = parts.indexOf("jdk");
                List<String> out = new ArrayList<>(parts);
                if (jdk >= 0) {
                    out.set(jdk, "jre");
                    return Variant.of(name, String.join("-", out));
                }
                int versions = 0;
                while (versions < parts.size() && (isVersion(parts.get(versions), false)
                        || versions > 0 && BUILD_NUMBER.matcher(parts.get(versions)).matches())) {
                    versions++;
                }
                if (versions == 0) {
                    return Variant.none(image + " names no Java version; name one, e.g. " + name + ":17-jre");
                }
                out.add(versions, "jre");
                return Variant.of(name, String.join("-", out));
            }
            case "maven", "gradle" -> {
                return Variant.none(image + " is a build image (a JDK with " + name + "); to run on a JRE, build in it "
                        + "and copy the result into an eclipse-temurin:<version>-jre stage (multi-stage)");
            }
            case "amazoncorretto" -> {
                return Variant.none("amazoncorretto publishes no JRE tags; eclipse-temurin:<version>-jre is a JRE image");
            }
            default -> {
                return null;
            }
        }
    }
}
