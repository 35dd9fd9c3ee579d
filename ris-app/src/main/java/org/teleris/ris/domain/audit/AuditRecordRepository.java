package org.teleris.ris.domain.audit;

import java.time.Instant;
import java.util.List;

public interface AuditRecordRepository {

    /** The chain's head, locked until the surrounding transaction ends. */
    AuditHead lockHead();

    /** The head as it is, without a lock. */
    AuditHead head();

    void add(AuditRecord record);

    /** Records with a sequence greater than {@code afterSequence}, ascending, at most {@code limit}. */
    List<AuditRecord> ascendingAfter(long afterSequence, int limit);

    /** The newest records first, filtered by the non-null criteria. */
    List<AuditRecord> newest(AuditQuery query, int limit);

    record AuditQuery(String actor, AuditAction action, String objectId, Instant from, Instant to) {
        public static AuditQuery everything() {
            return new AuditQuery(null, null, null, null, null);
        }
    }
}
