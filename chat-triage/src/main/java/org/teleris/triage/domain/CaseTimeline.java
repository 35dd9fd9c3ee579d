package org.teleris.triage.domain;

import java.time.Instant;

/**
 * When a case was submitted, first claimed and decided, and by whom: the read model behind the
 * administrator's workload figures. No case content (question, clinical data, chat) is in it.
 */
public record CaseTimeline(String caseId, String organisationId, String organisationName, CaseState state,
                           Instant createdAt, Instant firstClaimedAt, Instant decidedAt, String holderName,
                           String decidedByName) {
}
