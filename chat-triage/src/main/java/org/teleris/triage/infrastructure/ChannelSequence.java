package org.teleris.triage.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row holding the channel's last sequence number; locked while a new one is handed out. */
@Entity
@Table(name = "channel_sequence")
public class ChannelSequence {

    static final int THE_ONLY_ROW = 1;

    @Id
    private int id;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    protected ChannelSequence() {
    }

    long next() {
        return ++lastSequence;
    }
}
