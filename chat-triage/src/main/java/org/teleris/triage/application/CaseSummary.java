package org.teleris.triage.application;

import java.time.Instant;
import org.teleris.triage.domain.BodyPart;
import java.util.Set;
import org.teleris.triage.domain.CaseState;
import org.teleris.triage.domain.DeclineReason;
import org.teleris.triage.domain.TriageCommand;
import org.teleris.triage.domain.TriageStateMachine;
import org.teleris.triage.domain.Modality;
import org.teleris.triage.domain.TriageCase;

/** A case as lists, pages and channel messages show it. */
public record CaseSummary(String id, String organisationId, String organisationName, String question,
                          Modality modality, BodyPart bodyPart, CaseState state, Instant createdAt,
                          String createdBy, String claimedByUserId, String claimedBy, Instant claimedAt,
                          DeclineReason declineReason, String decision, Instant decidedAt, String decidedBy,
                          Set<TriageCommand> allowedCommands) {

    public static CaseSummary of(TriageCase c) {
        return new CaseSummary(c.id(), c.organisationId(), c.organisationName(), c.question(), c.modality(),
                c.bodyPart(), c.state(), c.createdAt(), c.createdByName(), c.claimedByUserId(), c.claimedByName(),
                c.claimedAt(), c.declineReason(), c.decisionText(), c.decidedAt(), c.decidedByName(),
                TriageStateMachine.allowedIn(c.state()));
    }
}
