package dev.slimlab.engine.api;



/**
 * A package found installed in an image's final filesystem.
 *
 * @param manager        {@code dpkg}, {@code apk}, {@code pip} or {@code npm}
 * @param name           the package name as its manager records it
 * @param version        the version as its manager records it ("" when it records none)
 * @param installedBytes the bytes it occupies as its manager counts them: dpkg's
 *                       {@code Installed-Size} (KiB × 1024), apk's {@code I:} field, the sizes
 *                       listed in a wheel's {@code RECORD}, the files under an npm package's folder;
 *                       0 when the manager records nothing (e.g. egg-info)
 */
public record InstalledPackage(String manager, String name, String version, long installedBytes) {
}
