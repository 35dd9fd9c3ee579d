package org.teleris.consult.domain.reporting;

/**
 * Fired when a report (or an addendum) is delivered to the requesting clinic: the host posts a
 * message with a link into the case's chat. Identifiers and the class only.
 */
public record ReportDelivered(String reportId, String caseId, String organisationId, int versionNumber, String kind,
                              String ctClass) {
}
