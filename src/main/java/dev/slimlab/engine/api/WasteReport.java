package dev.slimlab.engine.api;

import java.util.List;

/**
 * dive's efficiency figures of an image, computed from its layer tars.
 *
 * <p>Every regular file, symlink (0 bytes) and deletion (a whiteout, 0 bytes) of a layer is an
 * <em>appearance</em> of its path; directories do not count. Then
 * <ul>
 *   <li>{@code efficiency} = Σ over paths of the smallest size seen ÷ Σ over paths of the sum of
 *       its sizes over every layer it appears in; 1.0 when no path repeats (or the image has no
 *       bytes at all);</li>
 *   <li>{@code wastedBytes} = the sum of all sizes of every path that appears in two or more
 *       layers (the first copy included, as dive does);</li>
 *   <li>{@code userWastedPercent} = 100 × wastedBytes ÷ the bytes of every layer but the first
 *       (0 when those layers hold no bytes). It is a percentage, not a fraction, and it can
 *       exceed 100 when the base layer's files are the ones copied over.</li>
 * </ul>
 *
 * @param totalLayerBytes   the bytes of all files in all layers (uncompressed, tar headers excluded)
 * @param wastedBytes       see above
 * @param efficiency        see above, in [0, 1]
 * @param userWastedPercent see above, in percent
 * @param topWastedFiles    the paths with the most wasted bytes, largest first
 */
public record WasteReport(long totalLayerBytes, long wastedBytes, double efficiency, double userWastedPercent,
                          List<WastedFile> topWastedFiles) {

    public WasteReport {
        topWastedFiles = List.copyOf(topWastedFiles);
    }
}
