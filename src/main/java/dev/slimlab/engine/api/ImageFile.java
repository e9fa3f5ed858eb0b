package dev.slimlab.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A path in an image's filesystem as the image stores it (a symbolic link is not followed).
 *
 * @param path       the absolute path asked for
 * @param type       '-' regular file, 'd' directory, 'l' symbolic link, 'h' hard link, 'c'/'b' device,
 *                   'p' named pipe
 * @param mode       permission bits with set-uid, set-gid and sticky (07777)
 * @param uid        owner
 * @param gid        group
 * @param size       size in bytes of a regular file
 * @param linkTarget a link's target, else ""
 * @param content    the first bytes of a regular file (as many as were asked for)
 */
public record ImageFile(String path, char type, int mode, long uid, long gid, long size, String linkTarget,
                        byte[] content) {

    public ImageFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(linkTarget, "linkTarget");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public boolean isSymlink() {
        return type == 'l';
    }
}
