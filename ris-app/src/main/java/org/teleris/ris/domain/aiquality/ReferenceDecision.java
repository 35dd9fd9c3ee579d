package org.teleris.ris.domain.aiquality;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The doctors' decision on a case that an AI result is judged against: positive means "viral
 * pneumonia pattern worth a full consultation" (triage: full study requested; consultation:
 * CT-1..4). The latest decision of a stage counts (an addendum may change the class).
 */
@Entity
@Table(name = "ai_reference_decision")
public class ReferenceDecision {

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private boolean positive;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected ReferenceDecision() {
    }

    public ReferenceDecision(String caseId, AiStage stage, boolean positive, Instant at) {
        this.key = new Key(caseId, stage);
        this.positive = positive;
        this.decidedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public void revise(boolean positive, Instant at) {
        this.positive = positive;
        this.decidedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public String caseId() {
        return key.caseId;
    }

    public AiStage stage() {
        return key.stage;
    }

    public boolean positive() {
        return positive;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /** Case and stage. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "case_id", nullable = false)
        private String caseId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private AiStage stage;

        protected Key() {
        }

        public Key(String caseId, AiStage stage) {
            this.caseId = Objects.requireNonNull(caseId, "caseId");
            this.stage = Objects.requireNonNull(stage, "stage");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && caseId.equals(k.caseId) && stage == k.stage;
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, stage);
        }
    }
}
