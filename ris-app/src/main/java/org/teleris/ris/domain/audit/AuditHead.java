package org.teleris.ris.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that names the newest link of the chain. Appends lock it, which serialises them
 * across threads and server instances; verification compares it with the last record, which is
 * how a deleted tail is noticed.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    static final int THE_ONLY_ROW = 1;

    @Id
    private int id;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    /** The state the migration creates: nothing recorded yet. */
    static AuditHead empty() {
        AuditHead head = new AuditHead();
        head.id = THE_ONLY_ROW;
        head.lastHash = AuditChain.GENESIS;
        return head;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public String lastHash() {
        return lastHash;
    }

    void advanceTo(AuditRecord record) {
        this.lastSequence = record.sequence();
        this.lastHash = record.hash();
    }
}
