/**
 * Go's text and pattern behaviour, reproduced exactly where Docker's own Go code decides what a
 * Dockerfile or a {@code .dockerignore} means: UTF-8 and spaces ({@link dev.slimlab.gotext.GoText}),
 * {@code filepath.Clean} ({@link dev.slimlab.gotext.GoPath}), {@code .dockerignore} patterns
 * ({@link dev.slimlab.gotext.PathPattern}, through {@link dev.slimlab.gotext.GoRegex}) and the
 * shell patterns of {@code ${VAR#pattern}} ({@link dev.slimlab.gotext.ShellGlob}).
 */
package dev.slimlab.gotext;
