package org.teleris.consult.domain.reporting;

/** Fired for every reporting command and breach, in its transaction: the audit and the live worklist observe it. */
public record ReportTransitioned(String reportId, String caseId, String organisationId, String command,
                                 String newState, String actorUsername, String actorOrganisationId) {
}
