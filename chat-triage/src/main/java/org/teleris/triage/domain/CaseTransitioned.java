package org.teleris.triage.domain;

/** Fired for every command that changed a case, for the audit log and later for stage II. */
public record CaseTransitioned(String caseId, String organisationId, TriageCommand command, CaseState newState,
                               String actorUsername, String actorOrganisationId) {
}
