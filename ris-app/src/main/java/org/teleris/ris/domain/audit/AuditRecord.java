package org.teleris.ris.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of the audit chain. Immutable: there are no setters, and the table is only appended to. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    private long sequence;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private String actor;

    @Column(name = "organisation_id")
    private String organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    @Column(name = "object_type")
    private String objectType;

    @Column(name = "object_id")
    private String objectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditOutcome outcome;

    @Column(name = "previous_hash", nullable = false)
    private String previousHash;

    @Column(nullable = false)
    private String hash;

    protected AuditRecord() {
    }

    AuditRecord(long sequence, Instant recordedAt, AuditEntry entry, String previousHash, String hash) {
        this.sequence = sequence;
        this.recordedAt = recordedAt;
        this.actor = entry.actor();
        this.organisationId = entry.organisationId();
        this.action = entry.action();
        this.objectType = entry.objectType();
        this.objectId = entry.objectId();
        this.outcome = entry.outcome();
        this.previousHash = previousHash;
        this.hash = hash;
    }

    public long sequence() {
        return sequence;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public AuditEntry entry() {
        return new AuditEntry(actor, organisationId, action, objectType, objectId, outcome);
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
