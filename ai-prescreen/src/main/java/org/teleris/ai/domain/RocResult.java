package org.teleris.ai.domain;

import java.util.List;
import java.util.OptionalDouble;

/**
 * ROC analysis of scores against binary truth. AUC is undefined (empty) when one class is missing;
 * the 95 % interval is DeLong's, undefined when either class has fewer than two cases.
 */
public record RocResult(int positives, int negatives, OptionalDouble auc, OptionalDouble ciLow,
                        OptionalDouble ciHigh, List<RocPoint> curve, String note) {
}
