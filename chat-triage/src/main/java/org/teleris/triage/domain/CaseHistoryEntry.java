package org.teleris.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Who did what to a case and when: the case's own history, shown on its page. */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntry {

    /** The action recorded when a case is created; the others are {@link TriageCommand} names. */
    public static final String SUBMITTED = "SUBMIT";

    @Id
    private String id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    @Column(name = "actor_user_id", nullable = false)
    private String actorUserId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    @Column(name = "resulting_state", nullable = false)
    private String resultingState;

    /** A short structured detail (decline reason, new holder), never free text. */
    @Column
    private String detail;

    protected CaseHistoryEntry() {
    }

    public CaseHistoryEntry(TriageCase triageCase, Participant actor, String action, String detail, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.caseId = triageCase.id();
        this.happenedAt = now.truncatedTo(ChronoUnit.MILLIS);
        this.actorUserId = actor.userId();
        this.actorName = actor.displayName();
        this.action = action;
        this.resultingState = triageCase.state().name();
        this.detail = detail;
    }

    public Instant happenedAt() {
        return happenedAt;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public String resultingState() {
        return resultingState;
    }

    public String detail() {
        return detail;
    }
}
