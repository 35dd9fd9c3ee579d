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
        if (!ts.isEmpty() && new TransferSyntax(ts).isEncapsulated()) {
            return locateEncapsulated(file);
        }
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

    /**
     * Compressed pixel data: PixelMed would rewrite the fragments with an empty Basic Offset Table, so the element
     * is copied as is. It starts at the first (7FE0,0010) OB undefined-length header from which the chain of items
     * ends exactly at the end of the file with a sequence delimiter; anything else takes the full parse.
     */
    private static RawPixelElement locateEncapsulated(byte[] file) {
        byte[] start = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        outer:
        for (int o = 132; o <= file.length - start.length; o++) {
            for (int j = 0; j < start.length; j++) {
                if (file[o + j] != start[j]) {
                    continue outer;
                }
            }
            if (itemsEndAtEndOfFile(file, o + start.length)) {
                return new RawPixelElement(file, o);
            }
        }
        return null;
    }

    private static boolean itemsEndAtEndOfFile(byte[] b, int at) {
        long p = at;
        while (p + 8 <= b.length) {
            int group = (b[(int) p] & 0xFF) | (b[(int) p + 1] & 0xFF) << 8;
            int element = (b[(int) p + 2] & 0xFF) | (b[(int) p + 3] & 0xFF) << 8;
            long length = readInt(b, (int) p + 4);
            if (group != 0xFFFE) {
                return false;
            }
            if (element == 0xE0DD) {
                return length == 0 && p + 8 == b.length;
            }
            if (element != 0xE000 || length == 0xFFFFFFFFL) {
                return false;
            }
            p += 8 + length;
        }
        return false;
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
        one.setDecompressPixelData(false);
        one.read(din);
        Attribute pixels = one.get(TagFromName.PixelData);
        if (pixels == null) {
            throw new DicomException("no pixel data element at the located offset");
        }
        return pixels;
    }
}
