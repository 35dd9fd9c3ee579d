package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.teleris.consult.application.reporting.ReportingStatistics;
import org.teleris.ris.application.ReportingFacts;
import org.teleris.ris.domain.workload.StageTwoFigures;

/** The workload dashboard's stage II figures from consult-workflow's reporting statistics. */
@ApplicationScoped
public class ConsultReportingFacts implements ReportingFacts {

    @Inject
    ReportingStatistics statistics;

    @Override
    public StageTwoFigures figures(Instant from, Instant to) {
        ReportingStatistics.Figures f = statistics.figures(from, to);
        StageTwoFigures.Times toSigned = StageTwoFigures.Times.of(f.minutesToSigned());
        return new StageTwoFigures(true, f.received(), f.signed(), f.delivered(), f.open(), f.breaches(),
                toSigned.medianMinutes() == null ? null : toSigned.medianMinutes() / 60.0, toSigned,
                StageTwoFigures.Times.of(f.minutesToDelivery()), f.deliveredWithinLimit(), f.overLimit(),
                f.secondReads(), f.secondReads() == 0 ? null : (double) f.secondReadAgreements() / f.secondReads(),
                f.truncated(), f.limitMinutes(),
                f.experts().stream().map(e -> new StageTwoFigures.Load(e.name(), e.signed(), e.secondReads(),
                        e.holding())).toList());
    }
}
