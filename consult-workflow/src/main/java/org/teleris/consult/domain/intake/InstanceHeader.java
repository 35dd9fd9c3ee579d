package org.teleris.consult.domain.intake;

/**
 * The identifying and indexing attributes of a de-identified instance, as read from its stored
 * bytes (UIDs are the remapped ones, the patient id is the pseudonym).
 */
public record InstanceHeader(String sopInstanceUid, String sopClassUid, String studyInstanceUid,
                             String seriesInstanceUid, String transferSyntaxUid, String patientPseudonym,
                             String modality, Integer seriesNumber, Integer instanceNumber, String seriesDescription,
                             String studyDate, int frameCount) {
}
