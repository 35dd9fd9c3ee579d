package org.teleris.ai.domain;

/** One ROC operating point: calling positive every score at or above the threshold. */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
}
