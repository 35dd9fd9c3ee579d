package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.teleris.triage.domain.CaseConversationRepository;
import org.teleris.triage.domain.AiPrescreened;
import org.teleris.triage.domain.CaseMessage;
import org.teleris.triage.domain.Preview;
import org.teleris.triage.domain.PreviewRepository;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;

/** Posts the AI prescreen of a case into its chat, with the heat map, marked for research only. */
@ApplicationScoped
public class AiPrescreenMessages {

    @Inject
    TriageCaseRepository cases;

    @Inject
    PreviewRepository previews;

    @Inject
    PreviewStore store;

    @Inject
    CaseConversationRepository conversation;

    @Inject
    ChannelPublisher channel;

    @Inject
    Event<AiPrescreened> prescreened;

    @Inject
    Clock clock;

    /** The case's own previews (not AI output), in upload order. */
    @Transactional
    public List<String> previewsToAnalyse(String caseId) {
        return previews.ofCase(caseId).stream().filter(p -> !"AI_HEATMAP".equals(p.kind())).map(Preview::id).toList();
    }

    public byte[] content(String previewId) {
        try {
            return store.read(previewId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public void post(String caseId, PreviewPrescreening.Prescreen prescreen) {
        TriageCase triageCase = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        Instant now = clock.instant();
        String heatMapId = null;
        if (prescreen.heatMapPng() != null) {
            Preview heatMap = Preview.aiHeatMap(triageCase, prescreen.heatMapPng().length, now);
            try {
                store.write(heatMap.id(), prescreen.heatMapPng());
            } catch (IOException e) {
                throw new UncheckedIOException("the heat map could not be stored", e);
            }
            previews.add(heatMap);
            heatMapId = heatMap.id();
        }
        CaseMessage message = CaseMessage.fromPrescreen(triageCase, prescreen.text(), heatMapId, now);
        conversation.add(message);
        channel.publish(triageCase.organisationId(), CaseConversation.MESSAGE_POSTED, caseId,
                CaseConversation.MessageView.of(message));
        PreviewPrescreening.AiOutcome o = prescreen.outcome();
        if (o != null) {
            prescreened.fire(new AiPrescreened(caseId, triageCase.organisationId(), o.kind(), o.defect(), o.modelId(),
                    o.modelVersion(), o.probability(), o.ctClass(), o.durationMillis()));
        }
    }
}
