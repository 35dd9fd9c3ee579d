package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.teleris.anonymizer.domain.FixedMask;
import org.teleris.anonymizer.domain.MaskedRegion;

/**
 * Clean Pixel Data: OCR a few frames, black out every text box (on all frames: overlays in cine loops do not move)
 * plus the fixed masks of the device model. Only native MONOCHROME1/2 and RGB pixels are changed; anything else
 * is refused rather than passed.
 */
public final class BurnedInTextCleaner {

    private final TesseractOcr ocr;

    public BurnedInTextCleaner(TesseractOcr ocr) {
        this.ocr = ocr;
    }

    /** Zeroes the bits above Bits Stored in every sample: where retired embedded overlays keep their graphics. */
    public void clearBitsAboveStored(PixelMedInstance instance) throws PixelDataNotCleanableException {
        AttributeList list = instance.list();
        Attribute pixelData = list.get(TagFromName.PixelData);
        if (pixelData == null) {
            return;
        }
        if (instance.isEncapsulated()) {
            throw new PixelDataNotCleanableException("an overlay is embedded in compressed pixel data; it cannot be removed");
        }
        int bits = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
        int stored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bits);
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int cols = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        int frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1));
        int highBit = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.HighBit, stored - 1);
        int keep = (1 << (highBit + 1)) - 1;
        try {
            PixelSamples px = new PixelSamples(pixelData, bits, rows, cols, samples, false, false);
            for (int f = 0; f < frames; f++) {
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        for (int s = 0; s < samples; s++) {
                            px.set(f, y, x, s, px.get(f, y, x, s) & keep);
                        }
                    }
                }
            }
            px.store();
        } catch (DicomException e) {
            throw new PixelDataNotCleanableException("pixel data could not be read to remove an embedded overlay");
        }
    }

    /** Only looks: the regions OCR finds, without changing pixels (server-side verification of foreign files). */
    public List<MaskedRegion> findText(PixelMedInstance instance) throws PixelDataNotCleanableException, IOException {
        return process(instance, List.of(), false);
    }

    public List<MaskedRegion> clean(PixelMedInstance instance, List<FixedMask> fixedMasks) throws PixelDataNotCleanableException, IOException {
        return process(instance, fixedMasks, true);
    }

    private List<MaskedRegion> process(PixelMedInstance instance, List<FixedMask> fixedMasks, boolean mask)
            throws PixelDataNotCleanableException, IOException {
        AttributeList list = instance.list();
        Attribute pixelData = list.get(TagFromName.PixelData);
        if (pixelData == null) {
            return List.of();
        }
        if (instance.isEncapsulated()) {
            throw new PixelDataNotCleanableException("pixel data is compressed (transfer syntax " + instance.transferSyntaxUid()
                    + "); burned-in text cannot be removed without re-encoding, so the instance is refused."
                    + " Export it uncompressed (explicit VR little endian) and upload again");
        }
        String photometric = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PhotometricInterpretation).trim();
        int bits = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 0);
        int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        boolean ybr = "YBR_FULL".equals(photometric);
        boolean supported = (photometric.startsWith("MONOCHROME") && samples == 1)
                || (("RGB".equals(photometric) || ybr) && samples == 3);
        if (!supported || (bits != 8 && bits != 16)) {
            throw new PixelDataNotCleanableException("pixel data with photometric interpretation " + photometric + " and "
                    + bits + " bits allocated cannot be cleaned; convert to MONOCHROME2, RGB or YBR_FULL");
        }
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int cols = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1));
        boolean planar = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, 0) == 1;
        try {
            boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
            PixelSamples px = new PixelSamples(pixelData, bits, rows, cols, samples, planar, signed);
            int[] range = new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE};
            List<MaskedRegion> regions = new ArrayList<>();
            for (int f : framesToRead(frames)) {
                // For YBR_FULL the luminance (first sample) is the picture; chroma would only blur text for OCR.
                for (Rectangle r : ocr.findText(render(px, f, rows, cols, ybr ? 1 : samples, range))) {
                    regions.add(region(r, rows, cols, f, "OCR"));
                }
            }
            String manufacturer = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.Manufacturer);
            String model = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.ManufacturerModelName);
            for (FixedMask m : fixedMasks) {
                if (m.appliesTo(manufacturer, model)) {
                    regions.add(region(new Rectangle(m.x(), m.y(), m.width(), m.height()), rows, cols, -1, "FIXED_MASK"));
                }
            }
            // "Black" is the darkest value the image itself uses, so CT stays in its HU range after masking.
            int black = photometric.equals("MONOCHROME1") ? range[1] : "RGB".equals(photometric) ? 0 : range[0];
            if (!mask) {
                return regions;
            }
            int[] blackPerSample = ybr ? new int[] {0, 128, 128} : new int[] {black, black, black};
            for (MaskedRegion r : regions) {
                blackOut(px, r, frames, samples, blackPerSample);
            }
            if (!regions.isEmpty()) {
                px.store();
            }
            return regions;
        } catch (DicomException e) {
            throw new PixelDataNotCleanableException("pixel data could not be read for cleaning: " + e.getMessage());
        }
    }

    private static Set<Integer> framesToRead(int frames) {
        Set<Integer> f = new LinkedHashSet<>();
        f.add(0);
        f.add(frames / 2);
        f.add(frames - 1);
        return f;
    }

    /** Pads OCR boxes: glyph tops and descenders poke out of tesseract's word boxes. */
    private static MaskedRegion region(Rectangle r, int rows, int cols, int frame, String source) {
        int pad = "OCR".equals(source) ? Math.max(2, r.height / 4) : 0;
        int x = Math.max(0, r.x - pad);
        int y = Math.max(0, r.y - pad);
        int w = Math.min(cols, r.x + r.width + pad) - x;
        int h = Math.min(rows, r.y + r.height + pad) - y;
        return new MaskedRegion(frame, x, y, Math.max(0, w), Math.max(0, h), source);
    }

    private static void blackOut(PixelSamples px, MaskedRegion r, int frames, int samples, int[] black) {
        for (int f = 0; f < frames; f++) {
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    for (int s = 0; s < samples; s++) {
                        px.set(f, y, x, s, black[s]);
                    }
                }
            }
        }
    }

    /** An 8-bit grey view of one frame, windowed to its own min/max so faint text stays readable for OCR. */
    private static BufferedImage render(PixelSamples px, int frame, int rows, int cols, int samples, int[] overall) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int[] grey = new int[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int v = 0;
                for (int s = 0; s < samples; s++) {
                    v += px.get(frame, y, x, s);
                }
                v /= samples;
                grey[y * cols + x] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        overall[0] = Math.min(overall[0], min);
        overall[1] = Math.max(overall[1], max);
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int range = Math.max(1, max - min);
        for (int i = 0; i < grey.length; i++) {
            data[i] = (byte) ((grey[i] - min) * 255 / range);
        }
        return img;
    }
}
