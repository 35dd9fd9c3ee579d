package org.teleris.consult.domain.intake;

import java.util.Set;

/** One study found by a {@link StudySearch}, counted by the database: each SOP instance once, however often sent. */
public record StudySummary(String studyInstanceUid, String patientPseudonym, String studyDate, Set<String> modalities,
                           int seriesCount, int instanceCount) {
}
