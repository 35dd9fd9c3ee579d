package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.teleris.triage.domain.CaseConversationRepository;
import org.teleris.triage.domain.CaseHistoryEntry;
import org.teleris.triage.domain.CaseTransitioned;
import org.teleris.triage.domain.DeclineReason;
import org.teleris.triage.domain.DutyRosterRepository;
import org.teleris.triage.domain.NotPermittedException;
import org.teleris.triage.domain.Participant;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;
import org.teleris.triage.domain.TriageCommand;

/**
 * The duty consultant's work on a case: claim, release, reassign and the three decisions; and the
 * doctor's cancel. Each command locks the case, is checked by the case itself, and leaves a
 * history entry, a channel event and an audit event behind, all in one transaction.
 */
@ApplicationScoped
public class CaseTriage {

    @Inject
    TriageCaseRepository cases;

    @Inject
    CaseConversationRepository conversation;

    @Inject
    DutyRosterRepository roster;

    @Inject
    CurrentParticipant participants;

    @Inject
    ChannelPublisher channel;

    @Inject
    CaseSummaries summaries;

    @Inject
    Event<CaseTransitioned> transitioned;

    @Inject
    Clock clock;

    @Transactional
    public CaseSummary claim(Participant consultant, String caseId) {
        TriageCase triageCase = lockVisible(consultant, caseId);
        Instant now = clock.instant();
        triageCase.claim(consultant, roster.onDuty(consultant.userId(), now), now);
        return recorded(triageCase, consultant, TriageCommand.CLAIM, null, now);
    }

    @Transactional
    public CaseSummary release(Participant actor, String caseId) {
        TriageCase triageCase = lockVisible(actor, caseId);
        triageCase.release(actor);
        return recorded(triageCase, actor, TriageCommand.RELEASE, null, clock.instant());
    }

    @Transactional
    public CaseSummary reassign(Participant actor, String caseId, String consultantUserId) {
        TriageCase triageCase = lockVisible(actor, caseId);
        Participant to = participants.byUserId(consultantUserId)
                .orElseThrow(() -> new IllegalArgumentException("there is no active user " + consultantUserId));
        Instant now = clock.instant();
        triageCase.reassign(actor, to, roster.onDuty(to.userId(), now), now);
        return recorded(triageCase, actor, TriageCommand.REASSIGN, to.displayName(), now);
    }

    @Transactional
    public CaseSummary decline(Participant consultant, String caseId, DeclineReason reason, String advice) {
        TriageCase triageCase = lockVisible(consultant, caseId);
        Instant now = clock.instant();
        triageCase.decline(consultant, reason, advice, now);
        return recorded(triageCase, consultant, TriageCommand.DECLINE, reason.name(), now);
    }

    @Transactional
    public CaseSummary answer(Participant consultant, String caseId, String answer) {
        TriageCase triageCase = lockVisible(consultant, caseId);
        Instant now = clock.instant();
        triageCase.answer(consultant, answer, now);
        return recorded(triageCase, consultant, TriageCommand.ANSWER, null, now);
    }

    @Transactional
    public CaseSummary requestFullStudy(Participant consultant, String caseId, String instructions) {
        TriageCase triageCase = lockVisible(consultant, caseId);
        Instant now = clock.instant();
        triageCase.requestFullStudy(consultant, instructions, now);
        return recorded(triageCase, consultant, TriageCommand.REQUEST_FULL_STUDY, null, now);
    }

    @Transactional
    public CaseSummary cancel(Participant doctor, String caseId) {
        TriageCase triageCase = lockVisible(doctor, caseId);
        triageCase.cancel(doctor);
        return recorded(triageCase, doctor, TriageCommand.CANCEL, null, clock.instant());
    }

    private TriageCase lockVisible(Participant participant, String caseId) {
        return CaseAccess.lockedVisible(cases, participant, caseId);
    }

    private CaseSummary recorded(TriageCase triageCase, Participant actor, TriageCommand command, String detail,
                                 Instant now) {
        conversation.add(new CaseHistoryEntry(triageCase, actor, command.name(), detail, now));
        CaseSummary summary = summaries.of(triageCase);
        channel.publish(triageCase.organisationId(), eventType(command), triageCase.id(), summary);
        transitioned.fire(new CaseTransitioned(triageCase.id(), triageCase.organisationId(), command,
                triageCase.state(), actor.username(), actor.organisationId()));
        return summary;
    }

    /** "case.claimed", "case.request_full_study"...: what the live channel calls the event. */
    static String eventType(TriageCommand command) {
        return "case." + command.name().toLowerCase(java.util.Locale.ROOT);
    }
}
