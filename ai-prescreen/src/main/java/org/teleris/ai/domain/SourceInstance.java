package org.teleris.ai.domain;

/**
 * A source image the result refers to (for SR references and the capture series), with how its stored
 * pixels relate to the canonical display the models see (so coordinates can be mapped back).
 */
public record SourceInstance(String sopClassUid, String sopInstanceUid, String seriesInstanceUid,
                             int sliceIndex, int rows, int cols, boolean flippedColumns, boolean flippedRows) {

    /** Canonical (display) column to the stored image's column coordinate. */
    public double storedCol(double canonicalCol) {
        return flippedColumns ? cols - canonicalCol : canonicalCol;
    }

    public double storedRow(double canonicalRow) {
        return flippedRows ? rows - canonicalRow : canonicalRow;
    }
}
