package org.teleris.ris.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.ris.domain.workload.CaseFact;
import org.teleris.ris.domain.workload.Workload;
import org.teleris.ris.domain.workload.WorkloadCalculator;

/** The administrator's workload dashboard for a period; each look is an audited query. */
@ApplicationScoped
public class WorkloadDashboard {

    public static final Duration DEFAULT_PERIOD = Duration.ofDays(14);
    public static final Duration MAX_PERIOD = Duration.ofDays(WorkloadCalculator.MAX_DAYS);

    @Inject
    TriageFacts triage;

    @Inject
    ReportingFacts reporting;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /** {@code from}/{@code to} null: the last 14 days up to now. */
    @Transactional
    public Workload workload(SessionUser admin, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("the period may span at most " + WorkloadCalculator.MAX_DAYS + " days");
        }
        List<CaseFact> cases = triage.casesSubmitted(start, end);
        Workload workload = WorkloadCalculator.compute(cases, cases.size() >= triage.maxCases(), triage.timeLimit(),
                start, end, now, reporting.figures(start, end));
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.WORKLOAD_QUERIED,
                "workload", null, AuditOutcome.SUCCESS));
        return workload;
    }
}
