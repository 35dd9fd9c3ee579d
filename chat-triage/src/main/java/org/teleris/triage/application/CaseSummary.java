package org.teleris.triage.application;

import java.time.Instant;
import org.teleris.triage.domain.BodyPart;
import java.util.Set;
import org.teleris.triage.domain.CaseState;
import org.teleris.triage.domain.ClinicalData;
import org.teleris.triage.domain.PcrResult;
import org.teleris.triage.domain.Symptom;
import org.teleris.triage.domain.TriageTimeLimit;
import org.teleris.triage.domain.DeclineReason;
import org.teleris.triage.domain.TriageCommand;
import org.teleris.triage.domain.TriageStateMachine;
import org.teleris.triage.domain.Modality;
import org.teleris.triage.domain.TriageCase;

/** A case as lists, pages and channel messages show it. */
public record CaseSummary(String id, String organisationId, String organisationName, String question,
                          Modality modality, BodyPart bodyPart, CaseState state, Instant createdAt,
                          String createdBy, ClinicalView clinical, Instant triageDeadline, boolean overdue,
                          String claimedByUserId, String claimedBy, Instant claimedAt,
                          DeclineReason declineReason, String decision, Instant decidedAt, String decidedBy,
                          Set<TriageCommand> allowedCommands) {

    /** The clinical data as sent; absent values are left out. */
    public record ClinicalView(Double temperatureC, Integer respiratoryRate, Integer spo2, Integer pao2Fio2,
                               Integer daysSinceOnset, Set<Symptom> symptoms, PcrResult pcr,
                               Boolean epidemiologicalContact) {
        static ClinicalView of(ClinicalData d) {
            return new ClinicalView(d.temperatureC(), d.respiratoryRate(), d.spo2(), d.pao2Fio2(),
                    d.daysSinceOnset(), d.symptoms().isEmpty() ? null : d.symptoms(), d.pcr(),
                    d.epidemiologicalContact());
        }
    }

    public static CaseSummary of(TriageCase c, TriageTimeLimit limit, Instant now) {
        return new CaseSummary(c.id(), c.organisationId(), c.organisationName(), c.question(), c.modality(),
                c.bodyPart(), c.state(), c.createdAt(), c.createdByName(),
                c.clinical().map(ClinicalView::of).orElse(null), limit.deadline(c), limit.isOverdue(c, now),
                c.claimedByUserId(), c.claimedByName(), c.claimedAt(), c.declineReason(), c.decisionText(),
                c.decidedAt(), c.decidedByName(), TriageStateMachine.allowedIn(c.state()));
    }
}
