package org.teleris.anonymizer.domain;

/**
 * Bounds checked from headers before anything is decoded, so that a decompression bomb is refused cheaply.
 *
 * @param maxCompressionRatio decoded size (width x height x 4 bytes) divided by file size, for images
 */
public record PreviewLimits(long maxBytes, int maxWidth, int maxHeight, long maxPixels, double maxCompressionRatio,
                            double maxDurationSeconds, long maxFrames, int maxStreams) {

    /** Key images up to 8K, screen videos up to 5 minutes at up to 60 fps. */
    public static PreviewLimits defaults() {
        return new PreviewLimits(300L << 20, 8192, 8192, 40_000_000L, 1000, 300, 18_000, 4);
    }
}
