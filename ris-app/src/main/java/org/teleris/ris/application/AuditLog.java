package org.teleris.ris.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.teleris.ris.domain.audit.AuditChain;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditRecord;
import org.teleris.ris.domain.audit.AuditRecordRepository;
import org.teleris.ris.domain.audit.AuditRecordRepository.AuditQuery;
import org.teleris.ris.domain.audit.ChainReport;

/**
 * Appends to and verifies the audit chain. An append joins the caller's transaction, so a record
 * of success is never left behind by work that rolled back; it holds the chain's head lock until
 * that transaction ends.
 */
@ApplicationScoped
public class AuditLog {

    private static final int VERIFY_BATCH = 1000;

    private AuditRecordRepository records;
    private AuditChain chain;
    private Clock clock;

    protected AuditLog() {
    }

    @Inject
    public AuditLog(AuditRecordRepository records, AuditChain chain, Clock clock) {
        this.records = records;
        this.chain = chain;
        this.clock = clock;
    }

    @Transactional
    public AuditRecord record(AuditEntry entry) {
        AuditRecord record = chain.append(records.lockHead(), entry, clock.instant());
        records.add(record);
        return record;
    }

    @Transactional
    public ChainReport verify() {
        AuditChain.Verification verification = chain.verification();
        long after = 0;
        List<AuditRecord> batch;
        do {
            batch = records.ascendingAfter(after, VERIFY_BATCH);
            for (AuditRecord record : batch) {
                if (!verification.accept(record)) {
                    return verification.finish(records.head());
                }
                after = record.sequence();
            }
        } while (batch.size() == VERIFY_BATCH);
        return verification.finish(records.head());
    }

    @Transactional
    public List<AuditRecord> newest(AuditQuery query, int limit) {
        return records.newest(query, limit);
    }
}
