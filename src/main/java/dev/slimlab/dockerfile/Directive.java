package dev.slimlab.dockerfile;

/** A parser directive ({@code # syntax=...}, {@code # escape=...}, {@code # check=...}). */
public record Directive(String name, String value, int line) {
}
