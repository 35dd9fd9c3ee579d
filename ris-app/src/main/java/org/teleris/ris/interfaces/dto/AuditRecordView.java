package org.teleris.ris.interfaces.dto;

import java.time.Instant;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.ris.domain.audit.AuditRecord;

public record AuditRecordView(long sequence, Instant at, String actor, String organisationId, AuditAction action,
                              String dicomEventCode, String objectType, String objectId, AuditOutcome outcome,
                              String hash) {

    public static AuditRecordView of(AuditRecord record) {
        AuditEntry entry = record.entry();
        return new AuditRecordView(record.sequence(), record.recordedAt(), entry.actor(), entry.organisationId(),
                entry.action(), entry.action().dicomEventCode(), entry.objectType(), entry.objectId(),
                entry.outcome(), record.hash());
    }
}
