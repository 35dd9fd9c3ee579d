package org.teleris.consult.domain.intake;

/**
 * Someone read a stored study through DICOMweb (searched its series or instances, or retrieved
 * instances, metadata, frames or renderings): audited by the host as DICOM Instances Accessed,
 * once per user and study in a login session (a viewer's hundreds of frame requests are one read).
 * UIDs are the de-identified ones.
 */
public record StudyAccessed(String studyInstanceUid, String studyOrganisationId, String readerUsername,
                            String readerOrganisationId) {
}
