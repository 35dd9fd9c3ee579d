package org.teleris.triage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface TriageCaseRepository {

    void add(TriageCase triageCase);

    Optional<TriageCase> find(String id);

    /** The case, locked until the transaction ends: commands on one case run one after the other. */
    Optional<TriageCase> findForUpdate(String id);

    /**
     * Cases still waiting for a consultant since before the cut-off and not yet alerted, oldest
     * first, unlocked: lock each with {@link #findForUpdate} and check it again before acting.
     */
    List<TriageCase> waitingUnalertedSince(Instant cutoff, int limit);

    /**
     * Timelines of the cases created in [from, to), oldest first, at most {@code limit}; the first
     * claim comes from the case history (a released case keeps its first claim time).
     */
    List<CaseTimeline> timelines(Instant from, Instant to, int limit);

    /** Newest first; {@code organisationId} null means every organisation. */
    List<TriageCase> newest(String organisationId, int limit);
}
