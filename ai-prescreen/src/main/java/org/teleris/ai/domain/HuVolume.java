package org.teleris.ai.domain;

/**
 * A CT volume in Hounsfield units, slice-major (z, row, column). Rows run anterior to posterior and
 * columns from the patient's right to left (DICOM LPS axial display), which the models rely on for
 * the left/right split. Spacing is (z, row, column) in millimetres.
 */
public record HuVolume(float[] hu, int depth, int height, int width, double[] spacingMm) {
    public HuVolume {
        if ((long) depth * height * width != hu.length) {
            throw new IllegalArgumentException("voxel count " + hu.length + " != " + depth + "x" + height + "x" + width);
        }
        if (spacingMm.length != 3 || spacingMm[0] <= 0 || spacingMm[1] <= 0 || spacingMm[2] <= 0) {
            throw new IllegalArgumentException("spacing must be three positive millimetre values");
        }
    }

    public float at(int z, int y, int x) {
        return hu[(z * height + y) * width + x];
    }

    public int sliceSize() {
        return height * width;
    }
}
