package org.teleris.anonymizer.application;

import com.pixelmed.dicom.AttributeList;
import java.awt.image.BufferedImage;
import java.util.List;
import org.teleris.anonymizer.domain.MaskedRegion;
import org.teleris.anonymizer.testdata.DicomTestSupport;

/** Renders 8-bit test outputs (US RGB, SC grey) and compares pixels outside masked regions. */
final class OutputImages {

    private OutputImages() {
    }

    static BufferedImage render(AttributeList l) throws Exception {
        int rows = Integer.parseInt(DicomTestSupport.value(l, 0x0028, 0x0010));
        int cols = Integer.parseInt(DicomTestSupport.value(l, 0x0028, 0x0011));
        int spp = Integer.parseInt(DicomTestSupport.value(l, 0x0028, 0x0002));
        byte[] px = DicomTestSupport.pixelBytes(l);
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int i = (y * cols + x) * spp;
                int v = px[i] & 0xFF;
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        return img;
    }

    static boolean samePixelsOutside(AttributeList in, AttributeList out, List<MaskedRegion> masks) throws Exception {
        int rows = Integer.parseInt(DicomTestSupport.value(in, 0x0028, 0x0010));
        int cols = Integer.parseInt(DicomTestSupport.value(in, 0x0028, 0x0011));
        int spp = Integer.parseInt(DicomTestSupport.value(in, 0x0028, 0x0002));
        byte[] a = DicomTestSupport.pixelBytes(in);
        byte[] b = DicomTestSupport.pixelBytes(out);
        int changedInside = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                boolean masked = false;
                for (MaskedRegion m : masks) {
                    masked |= m.intersects(x, y, 1, 1);
                }
                for (int s = 0; s < spp; s++) {
                    int i = (y * cols + x) * spp + s;
                    if (a[i] != b[i]) {
                        if (!masked) {
                            return false;
                        }
                        changedInside++;
                    }
                }
            }
        }
        return changedInside > 0;
    }
}
