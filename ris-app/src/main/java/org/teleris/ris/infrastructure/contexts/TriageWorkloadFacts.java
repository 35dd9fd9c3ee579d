package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.teleris.ris.application.TriageFacts;
import org.teleris.ris.domain.workload.CaseFact;
import org.teleris.triage.application.TriageStatistics;

/** The dashboard's triage facts, from the triage context's application service (small records). */
@ApplicationScoped
public class TriageWorkloadFacts implements TriageFacts {

    @Inject
    TriageStatistics statistics;

    @Override
    public List<CaseFact> casesSubmitted(Instant from, Instant to) {
        return statistics.casesCreated(from, to).stream()
                .map(c -> new CaseFact(c.caseId(), c.organisationId(), c.organisationName(), c.state(), c.createdAt(),
                        c.firstClaimedAt(), c.decidedAt(), c.holderName(), c.decidedByName()))
                .toList();
    }

    @Override
    public int maxCases() {
        return TriageStatistics.MAX_CASES;
    }

    @Override
    public Duration timeLimit() {
        return statistics.timeLimit();
    }
}
