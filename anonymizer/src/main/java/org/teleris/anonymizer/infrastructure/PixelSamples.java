package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;

/**
 * Native (uncompressed) pixel samples of an instance, addressable by frame, row, column and sample, whichever way
 * PixelMed holds them (OB as bytes, OW as 16-bit words, 8-bit samples packed two per word).
 */
final class PixelSamples {

    private final Attribute attribute;
    private final byte[] bytes;
    private final short[] words;
    private final int bitsAllocated;
    private final int rows;
    private final int columns;
    private final int samplesPerPixel;
    private final boolean planar;
    private final boolean signed;

    PixelSamples(Attribute pixelData, int bitsAllocated, int rows, int columns, int samplesPerPixel, boolean planar,
                 boolean signed) throws DicomException {
        this.signed = signed && bitsAllocated == 16;
        this.attribute = pixelData;
        this.bitsAllocated = bitsAllocated;
        this.rows = rows;
        this.columns = columns;
        this.samplesPerPixel = samplesPerPixel;
        this.planar = planar;
        if (pixelData instanceof OtherWordAttribute) {
            this.words = pixelData.getShortValues();
            this.bytes = null;
        } else {
            this.bytes = pixelData.getByteValues();
            this.words = null;
        }
    }

    private int index(int frame, int row, int col, int sample) {
        int pixelsPerFrame = rows * columns;
        int base = frame * pixelsPerFrame * samplesPerPixel;
        return planar ? base + sample * pixelsPerFrame + row * columns + col
                : base + (row * columns + col) * samplesPerPixel + sample;
    }

    int get(int frame, int row, int col, int sample) {
        int i = index(frame, row, col, sample);
        if (bitsAllocated == 16) {
            int v = words != null ? words[i] & 0xFFFF : ((bytes[2 * i] & 0xFF) | ((bytes[2 * i + 1] & 0xFF) << 8));
            return signed ? (short) v : v;
        }
        if (words != null) {
            int w = words[i >> 1] & 0xFFFF;
            return (i & 1) == 0 ? w & 0xFF : w >> 8;
        }
        return bytes[i] & 0xFF;
    }

    void set(int frame, int row, int col, int sample, int value) {
        int i = index(frame, row, col, sample);
        if (bitsAllocated == 16) {
            if (words != null) {
                words[i] = (short) value;
            } else {
                bytes[2 * i] = (byte) value;
                bytes[2 * i + 1] = (byte) (value >> 8);
            }
        } else if (words != null) {
            int w = words[i >> 1] & 0xFFFF;
            w = (i & 1) == 0 ? (w & 0xFF00) | (value & 0xFF) : (w & 0x00FF) | ((value & 0xFF) << 8);
            words[i >> 1] = (short) w;
        } else {
            bytes[i] = (byte) value;
        }
    }

    /** Puts the changed samples back into the attribute (the only time pixel data is re-written). */
    void store() throws DicomException {
        if (words != null) {
            attribute.setValues(words);
        } else {
            attribute.setValues(bytes);
        }
    }
}
