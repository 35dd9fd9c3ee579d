package org.teleris.consult.domain.intake;

/** One study of an upload session as counted by the index: its series and instances so far. */
public record SessionStudy(String studyInstanceUid, String patientPseudonym, int seriesCount, int instanceCount) {
}
