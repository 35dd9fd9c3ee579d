package org.teleris.ai.domain;

/** Share (0..1) of lung volume with ground-glass or consolidation, per lung and in total. */
public record LungInvolvement(double right, double left, double total) {
    public LungInvolvement {
        for (double v : new double[] {right, left, total}) {
            if (Double.isNaN(v) || v < 0 || v > 1) {
                throw new IllegalArgumentException("involvement share outside [0,1]: " + v);
            }
        }
    }

    public boolean bilateral(double floor) {
        return right >= floor && left >= floor;
    }
}
