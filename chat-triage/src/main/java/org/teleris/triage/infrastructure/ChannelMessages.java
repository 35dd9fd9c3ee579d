package org.teleris.triage.infrastructure;

import org.teleris.triage.application.ChannelEventAppended;

/** The wire format of the live channel: {"type":..., "sequence":..., "case": {...}}. */
public final class ChannelMessages {

    private ChannelMessages() {
    }

    public static String envelope(ChannelEventAppended event) {
        // The payload is already JSON; only the two scalar fields are written here.
        return "{\"type\":\"" + event.type() + "\",\"sequence\":" + event.sequence() + ",\"case\":" + event.payload()
                + "}";
    }
}
