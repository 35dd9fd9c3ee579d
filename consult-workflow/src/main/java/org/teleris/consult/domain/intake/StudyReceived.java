package org.teleris.consult.domain.intake;

/**
 * Fired once when an upload session is complete and its study becomes visible to experts: the
 * reporting worklist and the stage II AI observe it. UIDs are the de-identified ones.
 */
public record StudyReceived(String uploadSessionId, String caseId, String organisationId, String studyInstanceUid,
                            int seriesCount, int instanceCount) {
}
