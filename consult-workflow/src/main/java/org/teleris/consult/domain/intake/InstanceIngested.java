package org.teleris.consult.domain.intake;

/**
 * Fired for every received instance, stored or not, for the anonymisation audit and the audit log.
 * {@code reportJson} is the anonymizer's per-instance report (tags and actions, masked regions,
 * verifier result; never values). {@code status} is the name of the intake outcome status.
 */
public record InstanceIngested(String uploadSessionId, String caseId, String organisationId, String sender,
                               String channel, long sizeBytes, String status, String reasonCode,
                               String sopInstanceUid, String studyInstanceUid, String reportJson, String reason) {
}
