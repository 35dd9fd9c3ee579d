package org.teleris.consult.application.intake;

import java.util.Objects;

/**
 * Who sent an instance and into which upload session. {@code sender} is a username, or
 * {@code AE:<calling AE title>} for C-STORE associations.
 */
public record IntakeSource(String uploadSessionId, String organisationId, String sender, IntakeChannel channel) {

    public IntakeSource {
        Objects.requireNonNull(uploadSessionId, "uploadSessionId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(channel, "channel");
    }
}
