package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.teleris.triage.domain.BodyPart;
import org.teleris.triage.domain.CaseConversationRepository;
import org.teleris.triage.domain.CaseHistoryEntry;
import org.teleris.triage.domain.CaseSubmitted;
import org.teleris.triage.domain.ClinicalData;
import org.teleris.triage.domain.FreeTextPhiCheck;
import org.teleris.triage.domain.Modality;
import org.teleris.triage.domain.Participant;
import org.teleris.triage.domain.PreviewRepository;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;

/** A regional doctor posts a new case into the triage channel. */
@ApplicationScoped
public class CaseSubmission {

    public static final String CASE_CREATED = "case.created";

    @Inject
    TriageCaseRepository cases;

    @Inject
    CaseConversationRepository conversation;

    @Inject
    PreviewRepository previews;

    @Inject
    ChannelPublisher channel;

    @Inject
    CaseSummaries summaries;

    @Inject
    Event<CaseSubmitted> submitted;

    @Inject
    Clock clock;

    @Transactional
    public CaseSummary submit(Participant doctor, String question, Modality modality, BodyPart bodyPart,
                              ClinicalData clinical, boolean phiAcknowledged, List<String> previewIds) {
        PhiGuard.requireConfirmedIfFound(FreeTextPhiCheck.check("question", question), phiAcknowledged);
        TriageCase triageCase = TriageCase.submit(doctor, question, modality, bodyPart, clinical, clock.instant());
        cases.add(triageCase);
        for (String previewId : previewIds) {
            previews.find(previewId).filter(p -> p.isVisibleTo(doctor))
                    .orElseThrow(() -> new IllegalArgumentException("preview " + previewId
                            + " is not one of your unattached previews"))
                    .attachTo(triageCase, doctor);
        }
        conversation.add(new CaseHistoryEntry(triageCase, doctor, CaseHistoryEntry.SUBMITTED, null,
                triageCase.createdAt()));
        CaseSummary summary = summaries.of(triageCase);
        channel.publish(triageCase.organisationId(), CASE_CREATED, triageCase.id(), summary);
        submitted.fire(new CaseSubmitted(triageCase.id(), triageCase.organisationId(), doctor.username(),
                triageCase.createdAt()));
        return summary;
    }
}
