package org.teleris.ris.application;

import java.time.Instant;
import org.teleris.ris.domain.workload.StageTwoFigures;

/**
 * Port to stage II reporting: time to a signed report, second-read agreement and per-expert load
 * for a period (adapter: {@code ConsultReportingFacts}).
 */
public interface ReportingFacts {

    StageTwoFigures figures(Instant from, Instant to);
}
