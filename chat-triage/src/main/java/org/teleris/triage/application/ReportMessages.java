package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.teleris.triage.domain.CaseConversationRepository;
import org.teleris.triage.domain.CaseMessage;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;

/**
 * Posts the note that stage II delivered an expert report into the case's chat, live, with the
 * report's id for the link. Called by the host when stage II reports a delivery; changes no state.
 */
@ApplicationScoped
public class ReportMessages {

    @Inject
    TriageCaseRepository cases;

    @Inject
    CaseConversationRepository conversation;

    @Inject
    ChannelPublisher channel;

    @Inject
    Clock clock;

    @Transactional
    public CaseConversation.MessageView post(String caseId, String reportId, String text) {
        TriageCase triageCase = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        CaseMessage message = CaseMessage.reportDelivered(triageCase, reportId, text, clock.instant());
        conversation.add(message);
        CaseConversation.MessageView view = CaseConversation.MessageView.of(message);
        channel.publish(triageCase.organisationId(), CaseConversation.MESSAGE_POSTED, caseId, view);
        return view;
    }
}
