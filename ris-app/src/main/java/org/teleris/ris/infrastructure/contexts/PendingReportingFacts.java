package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.teleris.ris.application.ReportingFacts;
import org.teleris.ris.domain.workload.StageTwoFigures;

/**
 * Stage II reporting has not landed yet: the dashboard shows "no data yet". Replace this adapter
 * with one that asks consult-workflow's reporting application service when it exists.
 */
@ApplicationScoped
public class PendingReportingFacts implements ReportingFacts {

    @Override
    public StageTwoFigures figures(Instant from, Instant to) {
        return StageTwoFigures.NONE;
    }
}
