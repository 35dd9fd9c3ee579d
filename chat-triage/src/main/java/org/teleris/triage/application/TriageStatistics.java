package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.teleris.triage.domain.CaseTimeline;
import org.teleris.triage.domain.TriageCaseRepository;

/**
 * The facts behind the administrator's workload dashboard: one small record per case created in a
 * period (states and times, never content) and the configured triage time limit. Whoever calls it
 * (ris-app's administration) is responsible for allowing only administrators.
 */
@ApplicationScoped
public class TriageStatistics {

    /** More cases than this in one period are cut off (the dashboard says so). */
    public static final int MAX_CASES = 50_000;

    @Inject
    TriageCaseRepository cases;

    @Inject
    CaseSummaries summaries;

    /** One case as the dashboard sees it; {@code state} is a {@code CaseState} name. */
    public record CaseFacts(String caseId, String organisationId, String organisationName, String state,
                            Instant createdAt, Instant firstClaimedAt, Instant decidedAt, String holderName,
                            String decidedByName) {

        static CaseFacts of(CaseTimeline t) {
            return new CaseFacts(t.caseId(), t.organisationId(), t.organisationName(), t.state().name(),
                    t.createdAt(), t.firstClaimedAt(), t.decidedAt(), t.holderName(), t.decidedByName());
        }
    }

    @Transactional
    public List<CaseFacts> casesCreated(Instant from, Instant to) {
        return cases.timelines(from, to, MAX_CASES).stream().map(CaseFacts::of).toList();
    }

    public Duration timeLimit() {
        return summaries.limit().limit();
    }
}
