package org.teleris.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** A regional doctor's question to the reference centre: the aggregate root of stage I. */
@Entity
@Table(name = "triage_case")
public class TriageCase {

    public static final int MAX_QUESTION_LENGTH = 4000;

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

    protected TriageCase() {
    }

    /** Only a regional doctor opens a case, and always for their own organisation. */
    public static TriageCase submit(Participant doctor, String question, Modality modality, BodyPart bodyPart,
                                    Instant now) {
        if (doctor.role() != Participant.Role.DOCTOR) {
            throw new IllegalStateException("only a regional doctor submits cases");
        }
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("the clinical question must not be blank");
        }
        if (question.length() > MAX_QUESTION_LENGTH) {
            throw new IllegalArgumentException("the clinical question is longer than " + MAX_QUESTION_LENGTH
                    + " characters");
        }
        TriageCase triageCase = new TriageCase();
        triageCase.id = UUID.randomUUID().toString();
        triageCase.organisationId = doctor.organisationId();
        triageCase.organisationName = doctor.organisationName();
        triageCase.question = question.strip();
        triageCase.modality = Objects.requireNonNull(modality, "modality");
        triageCase.bodyPart = Objects.requireNonNull(bodyPart, "body part");
        triageCase.state = CaseState.SUBMITTED;
        // Databases keep microseconds at best; a value that reads back as written keeps comparisons honest.
        triageCase.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        triageCase.createdByUserId = doctor.userId();
        triageCase.createdByName = doctor.displayName();
        return triageCase;
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
