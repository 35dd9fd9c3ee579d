package org.teleris.anonymizer.infrastructure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes a {@link DataSetNode} as a Part 10 file in Explicit VR Little Endian, the way PixelMed writes one (meta
 * header with the same elements, sequences and items of undefined length), so both readers' outputs agree byte for
 * byte. Values are written as they are held: unchanged elements keep their original bytes.
 */
final class DataSetWriter {

    // PixelMed's implementation identity (compile-time constants: no PixelMed class is loaded for them), because the
    // same profile run gives the same file whichever reader parsed the input.
    private static final String IMPLEMENTATION_CLASS_UID = com.pixelmed.dicom.VersionAndConstants.implementationClassUID;
    private static final String IMPLEMENTATION_VERSION_NAME = com.pixelmed.dicom.VersionAndConstants.implementationVersionName;

    private byte[] out = new byte[4 * 1024]; // a typical header fits; larger ones grow it
    private int n;

    /** The file up to (not including) the Pixel Data element; {@code dataSetStart} tells where the data set begins. */
    record Encoded(byte[] bytes, int dataSetStart) {
    }

    static Encoded encode(DataSetNode dataSet, String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        DataSetWriter w = new DataSetWriter();
        w.n = 128; // preamble of zeros
        w.raw("DICM".getBytes(StandardCharsets.US_ASCII));
        int groupLengthAt = w.n;
        w.header(0x00020000, "UL", 4);
        w.int32(0);
        int metaStart = w.n;
        w.header(0x00020001, "OB", 2);
        w.raw(new byte[] {0, 1});
        w.text(0x00020002, "UI", sopClassUid);
        w.text(0x00020003, "UI", sopInstanceUid);
        w.text(0x00020010, "UI", transferSyntaxUid);
        w.text(0x00020012, "UI", IMPLEMENTATION_CLASS_UID);
        w.text(0x00020013, "SH", IMPLEMENTATION_VERSION_NAME);
        int metaLength = w.n - metaStart;
        w.putInt32(groupLengthAt + 8, metaLength);
        int dataSetStart = w.n;
        w.dataSet(dataSet);
        return new Encoded(Arrays.copyOf(w.out, w.n), dataSetStart);
    }

    private void text(int tag, String vr, String value) {
        byte[] v = ElementNode.encode(vr, value, ElementNode.TextCodec.ASCII);
        header(tag, vr, v.length);
        raw(v);
    }

    private void dataSet(DataSetNode dataSet) {
        for (ElementNode e : dataSet.inOrder()) {
            int tag = e.tag().group() << 16 | e.tag().element();
            if (e.isSequence()) {
                header(tag, "SQ", -1);
                for (DataSetNode item : e.items()) {
                    delimiter(0xFFFEE000, -1);
                    dataSet(item);
                    delimiter(0xFFFEE00D, 0);
                }
                delimiter(0xFFFEE0DD, 0);
            } else {
                header(tag, e.vr(), e.value().length);
                raw(e.value());
            }
        }
    }

    private void header(int tag, String vr, int length) {
        int16(tag >>> 16);
        int16(tag & 0xFFFF);
        raw(vr.getBytes(StandardCharsets.US_ASCII));
        switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV" -> {
                int16(0);
                int32(length);
            }
            default -> {
                if (length > 0xFFFF) {
                    // e.g. thousands of short UIDs remapped to long ones: never write a wrong length
                    throw new IllegalArgumentException("a value of VR " + vr + " became longer than its 2-byte length allows");
                }
                int16(length);
            }
        }
    }

    private void delimiter(int tag, int length) {
        int16(tag >>> 16);
        int16(tag & 0xFFFF);
        int32(length);
    }

    private void int16(int v) {
        ensure(2);
        out[n++] = (byte) v;
        out[n++] = (byte) (v >>> 8);
    }

    private void int32(int v) {
        ensure(4);
        putInt32(n, v);
        n += 4;
    }

    private void putInt32(int at, int v) {
        out[at] = (byte) v;
        out[at + 1] = (byte) (v >>> 8);
        out[at + 2] = (byte) (v >>> 16);
        out[at + 3] = (byte) (v >>> 24);
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, n, bytes.length);
        n += bytes.length;
    }

    private void ensure(int more) {
        if (n + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, n + more));
        }
    }
}
