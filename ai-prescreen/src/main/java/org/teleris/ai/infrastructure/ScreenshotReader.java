package org.teleris.ai.infrastructure;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.teleris.ai.domain.HuVolume;
import org.teleris.ai.domain.LoadedScan;
import org.teleris.ai.domain.NotAnalysableException;
import org.teleris.ai.domain.NotAnalysableReason;

/**
 * Reads an ordinary image (PNG, JPEG, single-frame GIF) sent as a stage I preview. Assumptions,
 * because a screenshot carries no calibration: it shows one axial chest CT slice in the standard
 * lung window (width 1500, level -600), so grey 0..255 maps linearly to -1350..+150 HU; the body is
 * taken to be 320 mm wide, which fixes the pixel size. Colour images (beyond small annotations)
 * are refused rather than guessed.
 */
public final class ScreenshotReader {
    public static final double WINDOW_LEVEL = -600;
    public static final double WINDOW_WIDTH = 1500;
    public static final double ASSUMED_BODY_WIDTH_MM = 320;
    private static final double MAX_COLOURED_SHARE = 0.05;

    public LoadedScan read(byte[] bytes) throws NotAnalysableException {
        MediaKind kind = MediaKind.of(bytes);
        if (kind == MediaKind.VIDEO) {
            throw new NotAnalysableException(NotAnalysableReason.VIDEO, null);
        }
        if (kind != MediaKind.PNG && kind != MediaKind.JPEG && kind != MediaKind.GIF) {
            throw new NotAnalysableException(NotAnalysableReason.UNSUPPORTED_FORMAT, null);
        }
        BufferedImage img;
        try {
            String format = kind == MediaKind.PNG ? "png" : kind == MediaKind.JPEG ? "jpeg" : "gif";
            img = decode(bytes, format, kind == MediaKind.GIF);
        } catch (IOException e) {
            throw new NotAnalysableException(NotAnalysableReason.UNREADABLE, e.getMessage());
        }
        int w = img.getWidth();
        int h = img.getHeight();
        float[] hu = new float[w * h];
        long coloured = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(Math.abs(r - g), Math.max(Math.abs(g - b), Math.abs(r - b))) > 24) {
                    coloured++;
                }
                double grey = (r + g + b) / 3.0;
                hu[y * w + x] = (float) Math.max(DicomSliceReader.AIR,
                        WINDOW_LEVEL - WINDOW_WIDTH / 2 + grey / 255.0 * WINDOW_WIDTH);
            }
        }
        if (coloured > MAX_COLOURED_SHARE * w * h) {
            throw new NotAnalysableException(NotAnalysableReason.NOT_GREYSCALE,
                    Math.round(100.0 * coloured / ((long) w * h)) + " % coloured pixels");
        }
        int bodyWidth = widestBodyRow(hu, w, h);
        if (bodyWidth < w / 8) {
            throw new NotAnalysableException(NotAnalysableReason.NOT_CHEST, "no body outline found");
        }
        double pixelMm = ASSUMED_BODY_WIDTH_MM / bodyWidth;
        return new LoadedScan(new HuVolume(hu, 1, h, w, new double[] {pixelMm * 4, pixelMm, pixelMm}), true,
                null, List.of());
    }

    /** Width in pixels of the widest span of body tissue (above -500 HU) on any row. */
    private static int widestBodyRow(float[] hu, int w, int h) {
        int best = 0;
        for (int y = 0; y < h; y++) {
            int first = -1;
            int last = -1;
            for (int x = 0; x < w; x++) {
                if (hu[y * w + x] > -500) {
                    if (first < 0) {
                        first = x;
                    }
                    last = x;
                }
            }
            best = Math.max(best, first < 0 ? 0 : last - first + 1);
        }
        return best;
    }

    /**
     * Decodes with a reader chosen by the sniffed format rather than {@code ImageIO.read}, which probes
     * every installed reader (PixelMed's JPEG-lossless plug-in prints to stdout when probed).
     */
    private static BufferedImage decode(byte[] bytes, String format, boolean refuseAnimation)
            throws IOException, NotAnalysableException {
        var readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IOException("no " + format + " decoder");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            if (refuseAnimation && reader.getNumImages(true) > 1) {
                throw new NotAnalysableException(NotAnalysableReason.VIDEO, "animated GIF");
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
