package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.teleris.triage.domain.ChannelEvent;
import org.teleris.triage.domain.ChannelEventRepository;

/** Stores a channel message inside the caller's transaction and has it broadcast after commit. */
@ApplicationScoped
public class ChannelPublisher {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    ChannelEventRepository events;

    @Inject
    Event<ChannelEventAppended> appended;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public long publish(String organisationId, String type, String caseId, Object body) {
        long sequence = events.claimNextSequence();
        String payload = JSON.toJson(body);
        events.add(new ChannelEvent(sequence, organisationId, type, caseId, payload, clock.instant()));
        appended.fire(new ChannelEventAppended(sequence, organisationId, type, caseId, payload));
        return sequence;
    }
}
