package org.teleris.ai.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAnalysisTest {
    private static final double EPS = 1e-12;

    @Test
    void perfectSeparationGivesOne() {
        RocResult r = RocAnalysis.analyse(new double[] {0.9, 0.8, 0.1, 0.2}, new boolean[] {true, true, false, false});
        assertEquals(1.0, r.auc().getAsDouble(), EPS);
        assertEquals(2, r.positives());
        assertEquals(2, r.negatives());
    }

    @Test
    void reversedSeparationGivesZero() {
        RocResult r = RocAnalysis.analyse(new double[] {0.1, 0.2, 0.9, 0.8}, new boolean[] {true, true, false, false});
        assertEquals(0.0, r.auc().getAsDouble(), EPS);
    }

    @Test
    void tiedPairCountsOneHalf() {
        // pairs (pos, neg): (0.5,0.5)=1/2, (0.5,0.3)=1, (0.7,0.5)=1, (0.7,0.3)=1 -> 3.5/4
        RocResult r = RocAnalysis.analyse(new double[] {0.5, 0.7, 0.5, 0.3}, new boolean[] {true, true, false, false});
        assertEquals(0.875, r.auc().getAsDouble(), EPS);
    }

    @Test
    void allScoresTiedGiveOneHalf() {
        RocResult r = RocAnalysis.analyse(new double[] {0.4, 0.4, 0.4, 0.4, 0.4}, new boolean[] {true, false, true, false, false});
        assertEquals(0.5, r.auc().getAsDouble(), EPS);
        // one threshold: the curve jumps diagonally from (0,0) to (1,1)
        assertEquals(List.of(new RocPoint(Double.POSITIVE_INFINITY, 0, 0), new RocPoint(0.4, 1, 1)), r.curve());
    }

    @Test
    void singleClassIsUndefinedNotAnError() {
        RocResult onlyPositive = RocAnalysis.analyse(new double[] {0.2, 0.9}, new boolean[] {true, true});
        assertFalse(onlyPositive.auc().isPresent());
        assertFalse(onlyPositive.ciLow().isPresent());
        assertTrue(onlyPositive.note().contains("undefined"));
        RocResult onlyNegative = RocAnalysis.analyse(new double[] {0.2}, new boolean[] {false});
        assertFalse(onlyNegative.auc().isPresent());
        RocResult empty = RocAnalysis.analyse(new double[0], new boolean[0]);
        assertFalse(empty.auc().isPresent());
    }

    @Test
    void delongIntervalMatchesHandComputation() {
        // positives 0.9, 0.6, 0.4; negatives 0.5, 0.3
        // V10 = (1, 1, 0.5), V01 = (2/3, 1); AUC = 5/6
        // S10 = 1/12, S01 = 1/18; var = S10/3 + S01/2 = 1/36 + 1/36 = 1/18
        RocResult r = RocAnalysis.analyse(new double[] {0.9, 0.6, 0.4, 0.5, 0.3},
                new boolean[] {true, true, true, false, false});
        double auc = 5.0 / 6.0;
        double half = 1.959963984540054 * Math.sqrt(1.0 / 18.0);
        assertEquals(auc, r.auc().getAsDouble(), EPS);
        assertEquals(auc - half, r.ciLow().getAsDouble(), 1e-9);
        assertEquals(1.0, r.ciHigh().getAsDouble(), EPS); // clipped
    }

    @Test
    void intervalUndefinedWithOneCaseInAClass() {
        RocResult r = RocAnalysis.analyse(new double[] {0.9, 0.5, 0.3}, new boolean[] {true, false, false});
        assertEquals(1.0, r.auc().getAsDouble(), EPS);
        assertFalse(r.ciLow().isPresent());
    }

    @Test
    void curveStepsThroughDistinctThresholds() {
        RocResult r = RocAnalysis.analyse(new double[] {0.5, 0.7, 0.5, 0.3}, new boolean[] {true, true, false, false});
        assertEquals(List.of(new RocPoint(Double.POSITIVE_INFINITY, 0, 0), new RocPoint(0.7, 0, 0.5),
                new RocPoint(0.5, 0.5, 1), new RocPoint(0.3, 1, 1)), r.curve());
    }

    @Test
    void rankFormulaAgreesWithPairCountingOnRandomTiedData() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            int n = 5 + rnd.nextInt(40);
            double[] s = new double[n];
            boolean[] p = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = rnd.nextInt(6) / 5.0; // few distinct values: many ties
                p[i] = rnd.nextBoolean();
            }
            double pairs = 0;
            double wins = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (p[i] && !p[j]) {
                        pairs++;
                        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    }
                }
            }
            RocResult r = RocAnalysis.analyse(s, p);
            if (pairs == 0) {
                assertFalse(r.auc().isPresent());
            } else {
                assertEquals(wins / pairs, r.auc().getAsDouble(), 1e-12);
                // trapezoidal area under the curve equals the Mann-Whitney AUC when ties move diagonally
                double area = 0;
                for (int k = 1; k < r.curve().size(); k++) {
                    RocPoint a = r.curve().get(k - 1);
                    RocPoint b = r.curve().get(k);
                    area += (b.falsePositiveRate() - a.falsePositiveRate()) * (a.truePositiveRate() + b.truePositiveRate()) / 2;
                }
                assertEquals(wins / pairs, area, 1e-12);
            }
        }
    }

    @Test
    void rejectsNanAndLengthMismatch() {
        assertThrows(IllegalArgumentException.class, () -> RocAnalysis.analyse(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> RocAnalysis.analyse(new double[] {0.1}, new boolean[0]));
    }
}
