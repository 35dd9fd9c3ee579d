package org.teleris.consult.domain.reporting;

import java.util.Objects;

/**
 * What stage II knows of a received study and its case when it enters the worklist: identifiers,
 * counts, the doctor's question and clinical data (copied from stage I by the host application).
 */
public record StudyContext(String caseId, String uploadSessionId, String organisationId, String organisationName,
                           String studyInstanceUid, int seriesCount, int instanceCount, String question,
                           String modality, String bodyPart, ClinicalPicture clinical, Integer daysSinceOnset,
                           String pcr) {

    public StudyContext {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        clinical = clinical == null ? ClinicalPicture.NONE : clinical;
    }
}
