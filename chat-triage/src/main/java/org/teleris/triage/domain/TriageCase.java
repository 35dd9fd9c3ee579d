package org.teleris.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A regional doctor's question to the reference centre: the aggregate root of stage I. */
@Entity
@Table(name = "triage_case")
public class TriageCase {

    public static final int MAX_QUESTION_LENGTH = 4000;
    public static final int MAX_TEXT_LENGTH = 4000;

    @Id
    private String id;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(name = "organisation_name", nullable = false)
    private String organisationName;

    @Column(nullable = false, length = MAX_QUESTION_LENGTH)
    private String question;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Modality modality;

    @Enumerated(EnumType.STRING)
    @Column(name = "body_part", nullable = false)
    private BodyPart bodyPart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by_user_id", nullable = false)
    private String createdByUserId;

    @Column(name = "created_by_name", nullable = false)
    private String createdByName;

    @Column(name = "claimed_by_user_id")
    private String claimedByUserId;

    @Column(name = "claimed_by_name")
    private String claimedByName;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    private DeclineReason declineReason;

    @Column(name = "decision_text", length = MAX_TEXT_LENGTH)
    private String decisionText;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Embedded
    private ClinicalData clinical;

    @Column(name = "overdue_alerted_at")
    private Instant overdueAlertedAt;

    protected TriageCase() {
    }

    /** Only a regional doctor opens a case, and always for their own organisation. */
    public static TriageCase submit(Participant doctor, String question, Modality modality, BodyPart bodyPart,
                                    Instant now) {
        return submit(doctor, question, modality, bodyPart, null, now);
    }

    public static TriageCase submit(Participant doctor, String question, Modality modality, BodyPart bodyPart,
                                    ClinicalData clinical, Instant now) {
        if (doctor.role() != Participant.Role.DOCTOR) {
            throw new IllegalStateException("only a regional doctor submits cases");
        }
        TriageCase triageCase = new TriageCase();
        triageCase.id = UUID.randomUUID().toString();
        triageCase.organisationId = doctor.organisationId();
        triageCase.organisationName = doctor.organisationName();
        triageCase.question = requireText(question, "the clinical question");
        triageCase.modality = Objects.requireNonNull(modality, "modality");
        triageCase.bodyPart = Objects.requireNonNull(bodyPart, "body part");
        triageCase.state = CaseState.SUBMITTED;
        // Databases keep microseconds at best; a value that reads back as written keeps comparisons honest.
        triageCase.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        triageCase.createdByUserId = doctor.userId();
        triageCase.createdByName = doctor.displayName();
        triageCase.clinical = clinical == null || clinical.isEmpty() ? null : clinical;
        return triageCase;
    }

    static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return text.strip();
    }

    /** A duty consultant takes the case; only one can hold it. */
    public void claim(Participant consultant, boolean onDuty, Instant now) {
        if (state == CaseState.CLAIMED) {
            throw new IllegalTransitionException(state, TriageCommand.CLAIM, TriageStateMachine.allowedIn(state),
                    "the case is already claimed by " + claimedByName);
        }
        CaseState next = TriageStateMachine.next(state, TriageCommand.CLAIM);
        if (consultant.role() != Participant.Role.CONSULTANT) {
            throw new NotPermittedException("only a duty consultant claims cases");
        }
        if (!onDuty) {
            throw new NotPermittedException("you are not on duty now: only a consultant on duty claims cases");
        }
        state = next;
        hold(consultant, now);
    }

    /** The holder (or an administrator) gives the case back to the channel. */
    public void release(Participant actor) {
        state = nextForHolderOrAdmin(actor, TriageCommand.RELEASE);
        claimedByUserId = null;
        claimedByName = null;
        claimedAt = null;
    }

    /** The holder (or an administrator) hands the case to another consultant on duty. */
    public void reassign(Participant actor, Participant to, boolean toOnDuty, Instant now) {
        CaseState next = nextForHolderOrAdmin(actor, TriageCommand.REASSIGN);
        if (to.role() != Participant.Role.CONSULTANT || !toOnDuty) {
            throw new NotPermittedException("a case can only be handed to a consultant on duty");
        }
        if (to.userId().equals(claimedByUserId)) {
            throw new NotPermittedException("the case is already held by " + to.displayName());
        }
        state = next;
        hold(to, now);
    }

    public void decline(Participant consultant, DeclineReason reason, String advice, Instant now) {
        Objects.requireNonNull(reason, "reason");
        decide(consultant, TriageCommand.DECLINE, requireText(advice, "the advice"), now);
        this.declineReason = reason;
    }

    public void answer(Participant consultant, String answer, Instant now) {
        decide(consultant, TriageCommand.ANSWER, requireText(answer, "the answer"), now);
    }

    /** Moves the case towards stage II, with what the doctor has to upload and how. */
    public void requestFullStudy(Participant consultant, String instructions, Instant now) {
        decide(consultant, TriageCommand.REQUEST_FULL_STUDY, requireText(instructions, "the upload instructions"),
                now);
    }

    /** The requesting clinic withdraws its question. */
    public void cancel(Participant doctor) {
        CaseState next = TriageStateMachine.next(state, TriageCommand.CANCEL);
        if (!isRequestingClinic(doctor)) {
            throw new NotPermittedException("only a doctor of " + organisationName + " cancels this case");
        }
        state = next;
    }

    /** The requesting clinic's doctors and the consultant holding the case talk in its chat. */
    public void checkMayPostMessage(Participant author) {
        TriageStateMachine.next(state, TriageCommand.POST_MESSAGE);
        if (!isRequestingClinic(author) && !author.userId().equals(claimedByUserId)) {
            throw new NotPermittedException("only the requesting clinic and the consultant holding the case write here");
        }
    }

    private boolean isRequestingClinic(Participant participant) {
        return participant.role() == Participant.Role.DOCTOR && participant.organisationId().equals(organisationId);
    }

    private void decide(Participant consultant, TriageCommand command, String text, Instant now) {
        CaseState next = TriageStateMachine.next(state, command);
        if (!consultant.userId().equals(claimedByUserId)) {
            throw new NotPermittedException("only the consultant holding the case decides it");
        }
        state = next;
        decisionText = text;
        decidedAt = now.truncatedTo(ChronoUnit.MILLIS);
        decidedByName = consultant.displayName();
    }

    private CaseState nextForHolderOrAdmin(Participant actor, TriageCommand command) {
        CaseState next = TriageStateMachine.next(state, command);
        if (actor.role() != Participant.Role.ADMIN && !actor.userId().equals(claimedByUserId)) {
            throw new NotPermittedException("only the consultant holding the case or an administrator does this");
        }
        return next;
    }

    private void hold(Participant consultant, Instant now) {
        claimedByUserId = consultant.userId();
        claimedByName = consultant.displayName();
        claimedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @return true the first time only: the overdue alert is raised once per case */
    public boolean markOverdueAlerted(Instant now) {
        if (overdueAlertedAt != null || state != CaseState.SUBMITTED) {
            return false;
        }
        overdueAlertedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return true;
    }

    public Optional<ClinicalData> clinical() {
        return clinical == null || clinical.isEmpty() ? Optional.empty() : Optional.of(clinical);
    }

    public String claimedByUserId() {
        return claimedByUserId;
    }

    public String claimedByName() {
        return claimedByName;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public DeclineReason declineReason() {
        return declineReason;
    }

    public String decisionText() {
        return decisionText;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String organisationName() {
        return organisationName;
    }

    public String question() {
        return question;
    }

    public Modality modality() {
        return modality;
    }

    public BodyPart bodyPart() {
        return bodyPart;
    }

    public CaseState state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdByName() {
        return createdByName;
    }
}
