package org.teleris.triage.domain;

/** Fired when someone opens a case or lists cases, for the audit log (case access). */
public record CaseViewed(String caseId, String organisationId, String viewerUsername, String viewerOrganisationId) {

    /** The case id used when a list of cases was read rather than one case. */
    public static final String LIST = "*";
}
