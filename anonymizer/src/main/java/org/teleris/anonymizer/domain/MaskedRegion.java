package org.teleris.anonymizer.domain;

/** A rectangle blacked out in a frame, and why ({@code OCR} or {@code FIXED_MASK}). The text read is never kept. */
public record MaskedRegion(int frame, int x, int y, int width, int height, String source) {

    public boolean intersects(int ox, int oy, int ow, int oh) {
        return x < ox + ow && ox < x + width && y < oy + oh && oy < y + height;
    }
}
