package org.teleris.ai.domain;

/**
 * Identifying attributes of the (already anonymised) source study that derived objects must repeat.
 * Values are whatever the source carried; empty when absent.
 */
public record StudyIdentity(String patientId, String patientName, String patientBirthDate, String patientSex,
                            String studyInstanceUid, String studyDate, String studyTime, String studyId,
                            String accessionNumber, String referringPhysicianName, String studyDescription) {
}
