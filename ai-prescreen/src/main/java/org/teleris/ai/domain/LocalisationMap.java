package org.teleris.ai.domain;

/** Voxel-level finding map on the model grid (0 none .. 1 strongest), with the way back to source pixels. */
public record LocalisationMap(float[] values, int depth, int height, int width, GridMapping mapping) {

    public float at(int z, int y, int x) {
        if (z < 0 || y < 0 || x < 0 || z >= depth || y >= height || x >= width) {
            return 0f;
        }
        return values[(z * height + y) * width + x];
    }

    /** Value under a source pixel of the given source slice. */
    public float atSource(int sourceSlice, int row, int col) {
        int z = mapping.modelSliceOfSource()[sourceSlice];
        return at(z, mapping.modelRow(row + 0.5), mapping.modelCol(col + 0.5));
    }

    /** Model slice with the most finding (the key slice for a heat map). */
    public int keySlice() {
        int best = depth / 2;
        double bestSum = 0;
        int n = height * width;
        for (int z = 0; z < depth; z++) {
            double s = 0;
            for (int i = z * n, end = i + n; i < end; i++) {
                s += values[i];
            }
            if (s > bestSum) {
                bestSum = s;
                best = z;
            }
        }
        return best;
    }

    /** Finding-weighted mean over a source slice, to choose which source slices to show. */
    public double sourceSliceScore(int sourceSlice) {
        int z = mapping.modelSliceOfSource()[sourceSlice];
        double s = 0;
        for (int i = z * height * width, end = i + height * width; i < end; i++) {
            s += values[i];
        }
        return s;
    }
}
