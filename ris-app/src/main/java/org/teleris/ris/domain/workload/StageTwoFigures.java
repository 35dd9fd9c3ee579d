package org.teleris.ris.domain.workload;

import java.util.List;
import java.util.Map;

/**
 * Stage II figures (reporting) of the studies received in the period: how many were received,
 * signed, delivered, are still open, breached their time limit; time to the signed and to the
 * delivered report (minutes; within or over each study's limit, configured per priority and case
 * type in {@code limitMinutes}); second-read agreement; per-expert load. {@link #NONE}: no data.
 */
public record StageTwoFigures(boolean available, int received, int signedReports, int delivered, int open,
                              int breaches, Double medianHoursToSignedReport, Times timeToSigned,
                              Times timeToDelivery, int deliveredWithinLimit, int overLimit, int secondReads,
                              Double secondReadAgreement, boolean truncated, Map<String, Double> limitMinutes,
                              List<Load> experts) {

    public static final StageTwoFigures NONE = new StageTwoFigures(false, 0, 0, 0, 0, 0, null, Times.of(List.of()),
            Times.of(List.of()), 0, 0, 0, null, false, Map.of(), List.of());

    /** A distribution of times in minutes. */
    public record Times(int count, Double medianMinutes, Double p90Minutes, Double maxMinutes) {

        public static Times of(List<Double> minutes) {
            if (minutes.isEmpty()) {
                return new Times(0, null, null, null);
            }
            List<Double> sorted = minutes.stream().sorted().toList();
            return new Times(sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9),
                    sorted.get(sorted.size() - 1));
        }

        /** Nearest rank (the median of an even count is the mean of the two middle values). */
        static Double percentile(List<Double> sorted, double p) {
            int n = sorted.size();
            if (p == 0.5 && n % 2 == 0) {
                return (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            }
            int rank = (int) Math.ceil(p * n);
            return sorted.get(Math.max(0, Math.min(n - 1, rank - 1)));
        }
    }

    /**
     * An expert's load: {@code reports} = versions signed in the period (kept under its old name),
     * second reads given in the period, reports held now.
     */
    public record Load(String name, int reports, int secondReads, int holding) {
    }
}
