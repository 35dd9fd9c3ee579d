package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.teleris.triage.domain.ChannelEventRepository;
import org.teleris.triage.domain.Participant;

/** What a reconnecting client missed: the stored events after its last sequence that it may see. */
@ApplicationScoped
public class ChannelCatchUp {

    /** A client further behind than this reloads its lists instead. */
    public static final int MAX_CATCH_UP = 1000;

    @Inject
    ChannelEventRepository events;

    @Transactional
    public List<ChannelEventAppended> after(Participant participant, long sequence) {
        String organisation = participant.role() == Participant.Role.DOCTOR ? participant.organisationId() : null;
        return events.after(sequence, organisation, MAX_CATCH_UP).stream()
                .map(e -> new ChannelEventAppended(e.sequence(), e.organisationId(), e.type(), e.caseId(), e.payload()))
                .toList();
    }
}
