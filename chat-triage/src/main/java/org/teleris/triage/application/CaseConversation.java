package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.teleris.triage.domain.CaseConversationRepository;
import org.teleris.triage.domain.CaseMessage;
import org.teleris.triage.domain.CaseTransitioned;
import org.teleris.triage.domain.CaseViewed;
import org.teleris.triage.domain.FreeTextPhiCheck;
import org.teleris.triage.domain.Participant;
import org.teleris.triage.domain.Preview;
import org.teleris.triage.domain.PreviewRepository;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;
import org.teleris.triage.domain.TriageCommand;

/** The chat inside a case and the case's history. */
@ApplicationScoped
public class CaseConversation {

    public static final String MESSAGE_POSTED = "message.posted";

    @Inject
    TriageCaseRepository cases;

    @Inject
    CaseConversationRepository conversation;

    @Inject
    ChannelPublisher channel;

    @Inject
    PreviewRepository previewRepository;

    @Inject
    Event<CaseTransitioned> transitioned;

    @Inject
    Event<CaseViewed> viewed;

    @Inject
    Clock clock;

    /** A message as pages and the channel show it. */
    public record MessageView(String id, String caseId, String author, Participant.Role authorRole, String text,
                              Instant postedAt, String attachmentPreviewId, String reportId) {
        static MessageView of(CaseMessage message) {
            return new MessageView(message.id(), message.caseId(), message.authorName(), message.authorRole(),
                    message.text(), message.postedAt(), message.attachmentPreviewId(), message.reportId());
        }
    }

    /** An entry of the case history. */
    public record HistoryView(Instant at, String actor, String action, String state, String detail) {
    }

    @Transactional
    public MessageView post(Participant author, String caseId, String text, boolean phiAcknowledged) {
        return post(author, caseId, text, null, phiAcknowledged);
    }

    /** A chat message, optionally with an image the author uploaded (and the server sanitised) before. */
    @Transactional
    public MessageView post(Participant author, String caseId, String text, String attachmentPreviewId,
                            boolean phiAcknowledged) {
        if (text != null && !text.isBlank()) {
            PhiGuard.requireConfirmedIfFound(FreeTextPhiCheck.check("text", text), phiAcknowledged);
        }
        TriageCase triageCase = CaseAccess.lockedVisible(cases, author, caseId);
        Preview attachment = attachmentPreviewId == null ? null
                : previewRepository.find(attachmentPreviewId).filter(p -> p.isVisibleTo(author))
                        .orElseThrow(() -> new IllegalArgumentException("image " + attachmentPreviewId
                                + " is not one of your unattached uploads"));
        CaseMessage message = CaseMessage.post(triageCase, author, text, attachment, clock.instant());
        conversation.add(message);
        MessageView view = MessageView.of(message);
        channel.publish(triageCase.organisationId(), MESSAGE_POSTED, caseId, view);
        transitioned.fire(new CaseTransitioned(caseId, triageCase.organisationId(), TriageCommand.POST_MESSAGE,
                triageCase.state(), author.username(), author.organisationId()));
        return view;
    }

    @Transactional
    public List<MessageView> messages(Participant reader, String caseId) {
        visible(reader, caseId);
        return conversation.messages(caseId).stream().map(MessageView::of).toList();
    }

    @Transactional
    public List<PreviewUploads.PreviewView> previews(Participant reader, String caseId) {
        visible(reader, caseId);
        return previewRepository.ofCase(caseId).stream().map(PreviewUploads.PreviewView::of).toList();
    }

    @Transactional
    public List<HistoryView> history(Participant reader, String caseId) {
        visible(reader, caseId);
        return conversation.history(caseId).stream()
                .map(h -> new HistoryView(h.happenedAt(), h.actorName(), h.action(), h.resultingState(), h.detail()))
                .toList();
    }

    private void visible(Participant reader, String caseId) {
        TriageCase triageCase = CaseAccess.visible(cases, reader, caseId);
        viewed.fire(new CaseViewed(caseId, triageCase.organisationId(), reader.username(), reader.organisationId()));
    }
}
