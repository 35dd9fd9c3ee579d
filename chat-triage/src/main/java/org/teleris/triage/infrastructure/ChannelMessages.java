package org.teleris.triage.infrastructure;

import org.teleris.triage.application.ChannelEventAppended;

/**
 * The wire format of the live channel: {"type":..., "sequence":..., "case": {...}} for case events,
 * {"type":"message.posted", "sequence":..., "message": {...}} for chat messages.
 */
public final class ChannelMessages {

    private ChannelMessages() {
    }

    public static String envelope(ChannelEventAppended event) {
        // The payload is already JSON; only the two scalar fields are written here.
        String key = event.type().startsWith("message.") ? "message" : "case";
        return "{\"type\":\"" + event.type() + "\",\"sequence\":" + event.sequence() + ",\"" + key + "\":"
                + event.payload() + "}";
    }
}
