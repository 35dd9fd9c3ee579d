package org.teleris.ai.application;

import java.util.stream.IntStream;
import org.teleris.ai.domain.GridMapping;
import org.teleris.ai.domain.HuVolume;
import org.teleris.ai.domain.InputNormalisation;
import org.teleris.ai.domain.LoadedScan;
import org.teleris.ai.domain.ModelCard;

/**
 * Brings any scan onto a model card's grid: the scan is centred on the grid, resampled by box
 * averaging where the grid is coarser (so thin vessels blur instead of aliasing) and nearest
 * neighbour where it is finer, cropped or padded with air, then clipped to the HU window and
 * normalised. A preview's few slices are spread over the grid's depth, each filling an equal slab.
 */
public final class VolumePreprocessor {
    static final float AIR_HU = -1024f;

    public PreparedInput prepare(LoadedScan scan, ModelCard card) {
        HuVolume v = scan.volume();
        int d = scan.preview() ? card.previewDepth() : card.depth();
        int h = card.height();
        int w = card.width();
        double[] ms = card.spacingMm();
        double[] ss = v.spacingMm();
        int[][] rowRanges = ranges(h, ms[1], v.height(), ss[1]);
        int[][] colRanges = ranges(w, ms[2], v.width(), ss[2]);

        int[][] sourcesOfModelSlice = new int[d][];
        int[] modelSliceOfSource = new int[v.depth()];
        if (scan.preview()) {
            for (int k = 0; k < d; k++) {
                sourcesOfModelSlice[k] = new int[] {(int) ((long) k * v.depth() / d)};
            }
            for (int s = 0; s < v.depth(); s++) {
                modelSliceOfSource[s] = (int) ((s + 0.5) * d / v.depth());
            }
        } else {
            int[][] z = ranges(d, ms[0], v.depth(), ss[0]);
            for (int k = 0; k < d; k++) {
                sourcesOfModelSlice[k] = IntStream.range(z[k][0], z[k][1]).toArray();
            }
            for (int s = 0; s < v.depth(); s++) {
                int k = (int) Math.floor(((s + 0.5) - v.depth() / 2.0) * ss[0] / ms[0] + d / 2.0);
                modelSliceOfSource[s] = k >= 0 && k < d ? k : -1;
            }
        }
        float[] hu = new float[d * h * w];
        // Each model slice is independent: spread them over the cores.
        IntStream.range(0, d).parallel().forEach(k -> {
            float[] slab = new float[h * w];
            int contributing = 0;
            for (int s : sourcesOfModelSlice[k]) {
                if (s < 0 || s >= v.depth()) {
                    continue;
                }
                float[] plane = downsample(v, s, rowRanges, colRanges);
                for (int i = 0; i < slab.length; i++) {
                    slab[i] += plane[i];
                }
                contributing++;
            }
            int base = k * h * w;
            for (int i = 0; i < slab.length; i++) {
                hu[base + i] = contributing == 0 ? AIR_HU : slab[i] / contributing;
            }
        });
        float[] windowed = new float[hu.length];
        float[] values = new float[hu.length];
        float lo = (float) card.windowLowHu();
        float hi = (float) card.windowHighHu();
        boolean unit = card.normalisation() == InputNormalisation.UNIT;
        for (int i = 0; i < hu.length; i++) {
            float c = Math.min(hi, Math.max(lo, hu[i]));
            windowed[i] = c;
            values[i] = unit ? (c - lo) / (hi - lo) : c;
        }
        GridMapping mapping = new GridMapping(modelSliceOfSource,
                ss[1] / ms[1], h / 2.0 - v.height() / 2.0 * ss[1] / ms[1],
                ss[2] / ms[2], w / 2.0 - v.width() / 2.0 * ss[2] / ms[2]);
        return new PreparedInput(values, windowed, d, mapping);
    }

    /**
     * For each of {@code n} model cells (centred grid, spacing {@code m}) the half-open range of source
     * cells (count {@code sn}, spacing {@code s}) whose centres it covers; at least the nearest one.
     * Ranges may reach outside the source: those cells read as air.
     */
    static int[][] ranges(int n, double m, int sn, double s) {
        int[][] r = new int[n][2];
        for (int i = 0; i < n; i++) {
            double lo = (i - n / 2.0) * m / s + sn / 2.0;
            double hi = (i + 1 - n / 2.0) * m / s + sn / 2.0;
            int a = (int) Math.ceil(lo - 0.5);
            int b = (int) Math.ceil(hi - 0.5);
            if (b <= a) {
                a = (int) Math.floor((lo + hi) / 2.0);
                b = a + 1;
            }
            r[i][0] = a;
            r[i][1] = b;
        }
        return r;
    }

    private static float[] downsample(HuVolume v, int slice, int[][] rowRanges, int[][] colRanges) {
        int h = rowRanges.length;
        int w = colRanges.length;
        int rows = v.height();
        int cols = v.width();
        float[] src = v.hu();
        int base = slice * rows * cols;
        // Columns first for every source row the rows need, then rows: the box filter is separable.
        int rMin = Math.max(0, rowRanges[0][0]);
        int rMax = Math.min(rows, rowRanges[h - 1][1]);
        float[] tmp = new float[Math.max(0, rMax - rMin) * w];
        for (int r = rMin; r < rMax; r++) {
            int rowBase = base + r * cols;
            int tBase = (r - rMin) * w;
            for (int i = 0; i < w; i++) {
                int a = colRanges[i][0];
                int b = colRanges[i][1];
                float sum = 0;
                for (int c = a; c < b; c++) {
                    sum += c >= 0 && c < cols ? src[rowBase + c] : AIR_HU;
                }
                tmp[tBase + i] = sum / (b - a);
            }
        }
        float[] out = new float[h * w];
        for (int j = 0; j < h; j++) {
            int a = rowRanges[j][0];
            int b = rowRanges[j][1];
            for (int i = 0; i < w; i++) {
                float sum = 0;
                for (int r = a; r < b; r++) {
                    sum += r >= rMin && r < rMax ? tmp[(r - rMin) * w + i] : AIR_HU;
                }
                out[j * w + i] = sum / (b - a);
            }
        }
        return out;
    }
}
