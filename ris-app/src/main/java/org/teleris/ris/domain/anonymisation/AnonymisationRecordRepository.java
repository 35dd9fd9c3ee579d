package org.teleris.ris.domain.anonymisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AnonymisationRecordRepository {

    /** What the admin filters by; null means any. */
    record Filter(String organisationId, Instant from, Instant to, String outcome, String objectKind) {
    }

    void add(AnonymisationRecord record);

    Optional<AnonymisationRecord> find(String id);

    /** Newest first. */
    List<AnonymisationRecord> search(Filter filter, int limit);
}
