package org.teleris.triage.domain;

import java.time.Instant;

/** Fired when a case enters the triage channel. Other contexts and the audit log listen for it. */
public record CaseSubmitted(String caseId, String organisationId, String submittedByUsername, Instant at) {
}
