package org.teleris.triage.application;

import org.teleris.triage.domain.Participant;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;

/** Loads a case for a participant: a case of another organisation answers exactly like a missing one. */
final class CaseAccess {

    private CaseAccess() {
    }

    static TriageCase visible(TriageCaseRepository cases, Participant participant, String caseId) {
        return cases.find(caseId).filter(c -> participant.maySee(c.organisationId()))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    /** The same, with the case locked until the transaction ends, for commands. */
    static TriageCase lockedVisible(TriageCaseRepository cases, Participant participant, String caseId) {
        return cases.findForUpdate(caseId).filter(c -> participant.maySee(c.organisationId()))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
    }
}
