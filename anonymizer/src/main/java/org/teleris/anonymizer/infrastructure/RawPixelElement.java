package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The encoded native Pixel Data element at the very end of a little endian file. Located by arithmetic from the
 * image pixel module (rows x columns x samples x bits x frames) and then checked byte by byte, so it is used only
 * when nothing can follow it (no trailing private groups, padding or signatures).
 */
final class RawPixelElement {

    private final byte[] file;
    private final int offset;

    private RawPixelElement(byte[] file, int offset) {
        this.file = file;
        this.offset = offset;
    }

    static RawPixelElement locate(byte[] file, AttributeList header, String ts) {
        boolean explicit = TransferSyntax.ExplicitVRLittleEndian.equals(ts);
        if (!explicit && !TransferSyntax.ImplicitVRLittleEndian.equals(ts)) {
            return null;
        }
        long rows = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0);
        long cols = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0);
        long spp = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.SamplesPerPixel, 1);
        long bits = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.BitsAllocated, 0);
        long frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(header, TagFromName.NumberOfFrames, 1));
        if (rows <= 0 || cols <= 0 || (bits != 8 && bits != 16)) {
            return null;
        }
        long length = rows * cols * spp * frames * bits / 8;
        length += length & 1;
        int headerLength = explicit ? 12 : 8;
        long offset = file.length - length - headerLength;
        if (offset < 132 || offset > Integer.MAX_VALUE) {
            return null;
        }
        int o = (int) offset;
        boolean tagMatches = (file[o] & 0xFF) == 0xE0 && (file[o + 1] & 0xFF) == 0x7F && file[o + 2] == 0x10 && file[o + 3] == 0;
        if (!tagMatches) {
            return null;
        }
        if (explicit) {
            boolean vrOk = file[o + 4] == 'O' && (file[o + 5] == 'W' || file[o + 5] == 'B') && file[o + 6] == 0 && file[o + 7] == 0;
            if (!vrOk || readInt(file, o + 8) != length) {
                return null;
            }
        } else if (readInt(file, o + 4) != length) {
            return null;
        }
        return new RawPixelElement(file, o);
    }

    private static long readInt(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(file, offset, file.length - offset);
    }

    /** Decodes the element on its own (for Clean Pixel Data), using the data set's transfer syntax. */
    Attribute parse(String ts) throws IOException, DicomException {
        DicomInputStream din = new DicomInputStream(new ByteArrayInputStream(file, offset, file.length - offset), ts, false);
        AttributeList one = new AttributeList();
        one.read(din);
        Attribute pixels = one.get(TagFromName.PixelData);
        if (pixels == null) {
            throw new DicomException("no pixel data element at the located offset");
        }
        return pixels;
    }
}
