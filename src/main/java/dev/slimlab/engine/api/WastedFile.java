package dev.slimlab.engine.api;



/**
 * A path that appears in two or more layers of an image: every copy but the one the container
 * sees is dead weight that still travels with the image.
 *
 * @param path       the absolute path in the image, e.g. {@code /var/lib/apt/lists/deb.debian.org_...}
 * @param layers     in how many layers the path appears (a deletion counts as an appearance)
 * @param totalBytes the sum of its sizes over every layer it appears in (a deletion counts 0)
 */
public record WastedFile(String path, int layers, long totalBytes) {
}
