package org.teleris.triage.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a case may wait in the channel before a consultant claims it. The value is
 * configuration ({@code ris.triage.time-limit}, ISO-8601, default 30 minutes); this is the rule
 * that applies it.
 */
public record TriageTimeLimit(Duration limit) {

    public TriageTimeLimit {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the triage time limit must be positive");
        }
    }

    public Instant deadline(TriageCase triageCase) {
        return triageCase.createdAt().plus(limit);
    }

    /** Only a case still waiting for a consultant can be overdue. */
    public boolean isOverdue(TriageCase triageCase, Instant now) {
        return triageCase.state() == CaseState.SUBMITTED && now.isAfter(deadline(triageCase));
    }
}
