package org.teleris.ris.domain.workload;

import java.time.Instant;

/**
 * One stage I case as the dashboard needs it: organisation, state (a triage state name), when it
 * was submitted, first claimed and decided, and by whom. Never any case content.
 */
public record CaseFact(String caseId, String organisationId, String organisationName, String state,
                       Instant createdAt, Instant firstClaimedAt, Instant decidedAt, String holderName,
                       String decidedByName) {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String CLAIMED = "CLAIMED";
    public static final String DECLINED = "DECLINED";
    public static final String ANSWERED = "ANSWERED";
    public static final String FULL_STUDY_REQUESTED = "FULL_STUDY_REQUESTED";
    public static final String CANCELLED = "CANCELLED";

    /** Declined, answered or sent on to a full study: the three triage outcomes. */
    public boolean decided() {
        return DECLINED.equals(state) || ANSWERED.equals(state) || FULL_STUDY_REQUESTED.equals(state);
    }

    public boolean open() {
        return SUBMITTED.equals(state) || CLAIMED.equals(state);
    }
}
