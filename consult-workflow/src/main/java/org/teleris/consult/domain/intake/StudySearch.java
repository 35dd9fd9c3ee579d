package org.teleris.consult.domain.intake;

import java.util.Set;

/**
 * A study search over the index, as QIDO-RS asks it. Who may see what: one organisation's studies in any state (its
 * doctors), or every organisation's studies whose upload is complete (the reference centre). The other keys are
 * optional (null or empty: any); the study date is matched inclusively between {@code dateFrom} and {@code dateTo}
 * (YYYYMMDD, either may be null).
 */
public record StudySearch(String organisationId, Set<String> studyInstanceUids, String patientPseudonym,
                          String modality, String dateFrom, String dateTo) {

    public StudySearch {
        studyInstanceUids = studyInstanceUids == null ? Set.of() : Set.copyOf(studyInstanceUids);
    }

    /** True when only studies of complete uploads, of every organisation, may be seen. */
    public boolean completeUploadsOnly() {
        return organisationId == null;
    }
}
