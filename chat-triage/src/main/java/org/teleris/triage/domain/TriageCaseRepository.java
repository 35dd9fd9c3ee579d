package org.teleris.triage.domain;

import java.util.List;
import java.util.Optional;

public interface TriageCaseRepository {

    void add(TriageCase triageCase);

    Optional<TriageCase> find(String id);

    /** The case, locked until the transaction ends: commands on one case run one after the other. */
    Optional<TriageCase> findForUpdate(String id);

    /** Newest first; {@code organisationId} null means every organisation. */
    List<TriageCase> newest(String organisationId, int limit);
}
