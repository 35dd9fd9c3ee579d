package org.teleris.triage.application;

import java.time.Instant;
import org.teleris.triage.domain.BodyPart;
import org.teleris.triage.domain.CaseState;
import org.teleris.triage.domain.Modality;
import org.teleris.triage.domain.TriageCase;

/** A case as lists, pages and channel messages show it. */
public record CaseSummary(String id, String organisationId, String organisationName, String question,
                          Modality modality, BodyPart bodyPart, CaseState state, Instant createdAt,
                          String createdBy) {

    public static CaseSummary of(TriageCase triageCase) {
        return new CaseSummary(triageCase.id(), triageCase.organisationId(), triageCase.organisationName(),
                triageCase.question(), triageCase.modality(), triageCase.bodyPart(), triageCase.state(),
                triageCase.createdAt(), triageCase.createdByName());
    }
}
