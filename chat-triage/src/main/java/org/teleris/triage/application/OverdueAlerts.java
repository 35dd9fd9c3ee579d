package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;

/**
 * Raises the alert for cases left unclaimed past the triage time limit: once per case, as a
 * "case.overdue" message in the channel (consultants and the requesting clinic see it).
 */
@ApplicationScoped
public class OverdueAlerts {

    public static final String CASE_OVERDUE = "case.overdue";
    private static final int BATCH = 100;

    @Inject
    TriageCaseRepository cases;

    @Inject
    CaseSummaries summaries;

    @Inject
    ChannelPublisher channel;

    @Inject
    java.time.Clock clock;

    /** @return how many alerts were raised now */
    @Transactional
    public int raiseDue() {
        Instant now = clock.instant();
        int raised = 0;
        for (TriageCase candidate : cases.waitingUnalertedSince(now.minus(summaries.limit().limit()), BATCH)) {
            // Another instance, or a claim, may have got there first: decide on the locked row.
            TriageCase triageCase = cases.findForUpdate(candidate.id()).orElseThrow();
            if (triageCase.markOverdueAlerted(now)) {
                channel.publish(triageCase.organisationId(), CASE_OVERDUE, triageCase.id(),
                        summaries.of(triageCase));
                raised++;
            }
        }
        return raised;
    }
}
