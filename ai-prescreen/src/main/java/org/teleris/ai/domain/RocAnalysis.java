package org.teleris.ai.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * ROC AUC as the Mann-Whitney statistic (a tied positive/negative pair counts one half), computed
 * from mid-ranks in O(n log n); DeLong (1988) variance from the structural components, via the
 * mid-rank formulation of Sun and Xu (2014); normal 95 % interval clipped to [0,1].
 */
public final class RocAnalysis {
    private static final double Z_975 = 1.959963984540054;

    private RocAnalysis() {
    }

    public static RocResult analyse(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and truth differ in length");
        }
        for (double s : scores) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("score is NaN");
            }
        }
        int m = 0;
        for (boolean p : positive) {
            m += p ? 1 : 0;
        }
        int n = scores.length - m;
        List<RocPoint> curve = curve(scores, positive, m, n);
        if (m == 0 || n == 0) {
            return new RocResult(m, n, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    curve, "AUC undefined: only " + (m == 0 ? "negative" : "positive") + " cases ("
                    + scores.length + ")");
        }
        double[] pos = new double[m];
        double[] neg = new double[n];
        for (int i = 0, a = 0, b = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        double[] combined = new double[m + n];
        System.arraycopy(pos, 0, combined, 0, m);
        System.arraycopy(neg, 0, combined, m, n);
        double[] rankAll = midRanks(combined);
        double[] rankPos = midRanks(pos);
        double[] rankNeg = midRanks(neg);
        double sumPos = 0;
        double[] v10 = new double[m];
        for (int i = 0; i < m; i++) {
            sumPos += rankAll[i];
            v10[i] = (rankAll[i] - rankPos[i]) / n; // share of negatives below, ties half
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            v01[j] = 1.0 - (rankAll[m + j] - rankNeg[j]) / m; // share of positives above, ties half
        }
        double auc = (sumPos - m * (m + 1) / 2.0) / ((double) m * n);
        if (m < 2 || n < 2) {
            return new RocResult(m, n, OptionalDouble.of(auc), OptionalDouble.empty(), OptionalDouble.empty(),
                    curve, "confidence interval undefined: fewer than two cases in a class");
        }
        double variance = sampleVariance(v10) / m + sampleVariance(v01) / n;
        double half = Z_975 * Math.sqrt(variance);
        return new RocResult(m, n, OptionalDouble.of(auc), OptionalDouble.of(Math.max(0, auc - half)),
                OptionalDouble.of(Math.min(1, auc + half)), curve, "95% CI by DeLong");
    }

    /** Operating points at each distinct score, highest first, from (0,0) to (1,1); ties move diagonally. */
    static List<RocPoint> curve(double[] scores, boolean[] positive, int m, int n) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; ) {
            double t = scores[order[k]];
            while (k < order.length && scores[order[k]] == t) {
                if (positive[order[k]]) {
                    tp++;
                } else {
                    fp++;
                }
                k++;
            }
            points.add(new RocPoint(t, n == 0 ? Double.NaN : (double) fp / n, m == 0 ? Double.NaN : (double) tp / m));
        }
        return points;
    }

    static double[] midRanks(double[] values) {
        int len = values.length;
        Integer[] order = new Integer[len];
        for (int i = 0; i < len; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[len];
        for (int i = 0; i < len; ) {
            int j = i;
            while (j < len && values[order[j]] == values[order[i]]) {
                j++;
            }
            double mid = (i + 1 + j) / 2.0; // ranks i+1..j share their mean
            for (int k = i; k < j; k++) {
                ranks[order[k]] = mid;
            }
            i = j;
        }
        return ranks;
    }

    private static double sampleVariance(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
