package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.teleris.triage.domain.CaseViewed;
import org.teleris.triage.domain.Participant;
import org.teleris.triage.domain.TriageCaseRepository;

/** Reading cases, each read scoped to what the participant may see and reported for audit. */
@ApplicationScoped
public class CaseQueries {

    static final int LIST_LIMIT = 200;

    @Inject
    TriageCaseRepository cases;

    @Inject
    CaseSummaries summaries;

    @Inject
    Event<CaseViewed> viewed;

    @Transactional
    public List<CaseSummary> visibleTo(Participant participant) {
        String organisation = participant.role() == Participant.Role.DOCTOR ? participant.organisationId() : null;
        List<CaseSummary> result = cases.newest(organisation, LIST_LIMIT).stream().map(summaries::of).toList();
        viewed.fire(new CaseViewed(CaseViewed.LIST, organisation, participant.username(),
                participant.organisationId()));
        return result;
    }

    /** Empty both when the case does not exist and when it belongs to another tenant: the same 404. */
    @Transactional
    public Optional<CaseSummary> find(Participant participant, String caseId) {
        Optional<CaseSummary> found = cases.find(caseId).filter(c -> participant.maySee(c.organisationId()))
                .map(summaries::of);
        found.ifPresent(c -> viewed.fire(new CaseViewed(c.id(), c.organisationId(), participant.username(),
                participant.organisationId())));
        return found;
    }
}
