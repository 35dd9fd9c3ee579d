package org.teleris.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message of the live channel, stored before it is sent, so that a client that reconnects
 * can ask for everything after the last sequence number it saw. Sequence numbers are handed out
 * under a lock that is held until commit, so they become visible in order, without gaps.
 */
@Entity
@Table(name = "channel_event")
public class ChannelEvent {

    @Id
    private long sequence;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(nullable = false)
    private String type;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ChannelEvent() {
    }

    public ChannelEvent(long sequence, String organisationId, String type, String caseId, String payload,
                        Instant createdAt) {
        this.sequence = sequence;
        this.organisationId = organisationId;
        this.type = type;
        this.caseId = caseId;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public long sequence() {
        return sequence;
    }

    public String organisationId() {
        return organisationId;
    }

    public String type() {
        return type;
    }

    public String caseId() {
        return caseId;
    }

    /** The JSON body of the message, as it was when the event happened. */
    public String payload() {
        return payload;
    }
}
