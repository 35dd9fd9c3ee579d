package org.teleris.ris.domain.workload;

import java.util.List;

/**
 * Stage II figures (reporting): time to a signed report, second-read agreement, per-expert load.
 * {@link #NONE} until the reporting context feeds them.
 */
public record StageTwoFigures(boolean available, int signedReports, Double medianHoursToSignedReport,
                              Double secondReadAgreement, List<Load> experts) {

    public static final StageTwoFigures NONE = new StageTwoFigures(false, 0, null, null, List.of());

    /** Reports per expert. */
    public record Load(String name, int reports) {
    }
}
