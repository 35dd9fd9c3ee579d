package org.teleris.anonymizer.infrastructure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.teleris.anonymizer.domain.MaskedRegion;
import org.teleris.anonymizer.domain.PreviewKind;
import org.teleris.anonymizer.domain.PreviewLimits;
import org.teleris.anonymizer.domain.PreviewRejectedException;
import org.teleris.anonymizer.domain.RejectionCode;

/**
 * Key images: checks dimensions from the header, decodes, blacks out text found by OCR, and re-encodes from bare
 * pixels, which drops EXIF (GPS), XMP, IPTC, comments and ICC profiles: nothing but pixels is carried over.
 */
public final class ImagePreviewSanitizer {

    private final TesseractOcr ocr;

    public ImagePreviewSanitizer(TesseractOcr ocr) {
        this.ocr = ocr;
    }

    /** The result of sanitising one image. */
    public record Result(byte[] bytes, List<MaskedRegion> masked) {
    }

    public Result sanitize(byte[] content, PreviewKind kind, PreviewLimits limits) throws PreviewRejectedException, IOException {
        BufferedImage decoded = decodeWithinLimits(content, kind, limits);
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(decoded, 0, 0, null);
        List<MaskedRegion> masked = new ArrayList<>();
        g.setColor(Color.BLACK);
        for (Rectangle r : ocr.findText(toGrey(rgb))) {
            int pad = Math.max(2, r.height / 4);
            Rectangle padded = new Rectangle(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad)
                    .intersection(new Rectangle(0, 0, rgb.getWidth(), rgb.getHeight()));
            g.fill(padded);
            masked.add(new MaskedRegion(0, padded.x, padded.y, padded.width, padded.height, "OCR"));
        }
        g.dispose();
        return new Result(encode(rgb, kind), masked);
    }

    private static BufferedImage decodeWithinLimits(byte[] content, PreviewKind kind, PreviewLimits limits)
            throws PreviewRejectedException, IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind == PreviewKind.PNG ? "png" : "jpeg");
            if (!readers.hasNext()) {
                throw new PreviewRejectedException(RejectionCode.TOOL_FAILED, "no decoder for " + kind);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata: we never want it
                int w;
                int h;
                try {
                    w = reader.getWidth(0);
                    h = reader.getHeight(0);
                } catch (IOException e) {
                    throw new PreviewRejectedException(RejectionCode.MEDIA_UNREADABLE, "the image header cannot be read");
                }
                long pixels = (long) w * h;
                if (w > limits.maxWidth() || h > limits.maxHeight() || pixels > limits.maxPixels()) {
                    throw new PreviewRejectedException(RejectionCode.MEDIA_TOO_LARGE, "image of " + w + "x" + h
                            + " pixels exceeds the limit of " + limits.maxWidth() + "x" + limits.maxHeight());
                }
                double ratio = pixels * 4.0 / Math.max(1, content.length);
                if (ratio > limits.maxCompressionRatio()) {
                    throw new PreviewRejectedException(RejectionCode.MEDIA_TOO_LARGE, String.format(
                            "image would expand %.0f times when decoded (limit %.0f): refused as a decompression bomb",
                            ratio, limits.maxCompressionRatio()));
                }
                try {
                    return reader.read(0);
                } catch (IOException | RuntimeException e) {
                    throw new PreviewRejectedException(RejectionCode.MEDIA_UNREADABLE, "the image cannot be decoded");
                }
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage toGrey(BufferedImage rgb) {
        BufferedImage grey = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(rgb, 0, 0, null);
        g.dispose();
        return grey;
    }

    private static byte[] encode(BufferedImage rgb, PreviewKind kind) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (kind == PreviewKind.PNG) {
            ImageIO.write(rgb, "png", out);
            return out.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(rgb, null, null), p); // null metadata: a bare JFIF header only
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
