package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.teleris.triage.application.ChannelEventAppended;
import org.teleris.triage.application.ChannelFanOut;

/** Hands stored channel events to the fan-out only once their transaction has committed. */
@ApplicationScoped
public class ChannelEventRelay {

    @Inject
    ChannelFanOut fanOut;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelEventAppended event) {
        fanOut.fanOut(event);
    }
}
