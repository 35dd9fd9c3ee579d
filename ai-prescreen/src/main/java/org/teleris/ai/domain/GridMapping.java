package org.teleris.ai.domain;

/**
 * How source pixels map onto the model grid: per source slice the model slice that covers it, and an
 * in-plane linear map (model = source * scale + offset) for rows and columns.
 */
public record GridMapping(int[] modelSliceOfSource, double rowScale, double rowOffset,
                          double colScale, double colOffset) {
    public int modelRow(double sourceRow) {
        return (int) Math.floor(sourceRow * rowScale + rowOffset);
    }

    public int modelCol(double sourceCol) {
        return (int) Math.floor(sourceCol * colScale + colOffset);
    }
}
