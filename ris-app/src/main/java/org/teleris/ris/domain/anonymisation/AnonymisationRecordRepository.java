package org.teleris.ris.domain.anonymisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AnonymisationRecordRepository {

    /** What the admin filters by; null means any. {@code uploadRef}: the records of one upload. */
    record Filter(String organisationId, Instant from, Instant to, String outcome, String objectKind, String uploadRef) {
    }

    /** Study-instance records counted per upload, sender, channel and outcome (the rows of an upload summary). */
    record UploadPart(String uploadRef, String caseId, String organisationId, String actor, String channel,
                      String outcome, long instances, long sizeBytes, Instant firstAt, Instant lastAt) {
    }

    void add(AnonymisationRecord record);

    /** Study-instance records of the filter's period and organisation, grouped (outcome and kind ignored). */
    List<UploadPart> uploadParts(Filter filter);

    Optional<AnonymisationRecord> find(String id);

    /** Newest first. */
    List<AnonymisationRecord> search(Filter filter, int limit);
}
