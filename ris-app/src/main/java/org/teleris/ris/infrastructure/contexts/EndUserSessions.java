package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.teleris.ris.application.UserSessions;
import org.teleris.ris.infrastructure.security.ActiveHttpSessions;
import org.teleris.triage.application.ChannelFanOut;

/** Ends a user's HTTP sessions and live-channel sockets on this instance. */
@ApplicationScoped
public class EndUserSessions implements UserSessions {

    @Inject
    ChannelFanOut channel;

    @Override
    public int endAllOf(String userId) {
        return ActiveHttpSessions.invalidateAll(userId) + channel.disconnect(userId);
    }
}
