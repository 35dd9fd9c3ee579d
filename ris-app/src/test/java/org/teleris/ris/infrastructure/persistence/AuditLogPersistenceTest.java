package org.teleris.ris.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.ris.application.AuditLog;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditChain;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.ris.domain.audit.AuditRecord;
import org.teleris.ris.domain.audit.AuditRecordRepository.AuditQuery;
import org.teleris.ris.domain.audit.ChainReport;

/** The audit chain as stored in a real database, tampered with by plain SQL. */
class AuditLogPersistenceTest {

    private static final AuditChain CHAIN =
            new AuditChain("a test key that is 32 bytes long".getBytes(StandardCharsets.US_ASCII));

    private static void append(TestDatabase db, int count, String actor) {
        for (int i = 0; i < count; i++) {
            int n = i;
            db.inTransaction("ris", em -> auditLog(em).record(new AuditEntry(actor, "org-1",
                    AuditAction.CASE_ACCESSED, "case", "case-" + n, AuditOutcome.SUCCESS)));
        }
    }

    private static AuditLog auditLog(jakarta.persistence.EntityManager em) {
        return new AuditLog(new JpaAuditRecordRepository(em), CHAIN, Clock.systemUTC());
    }

    private static ChainReport verify(TestDatabase db) {
        return db.inTransaction("ris", em -> auditLog(em).verify());
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aStoredChainVerifiesAndIsSearchable(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            append(db, 12, "alice");
            append(db, 3, "bob");
            ChainReport report = verify(db);
            assertTrue(report.intact(), report.problem());
            assertEquals(15, report.checked());

            List<AuditRecord> bobs = db.inTransaction("ris", em -> auditLog(em).newest(
                    new AuditQuery("bob", AuditAction.CASE_ACCESSED, null, null, null), 10));
            assertEquals(List.of(15L, 14L, 13L), bobs.stream().map(AuditRecord::sequence).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void anUpdateInTheDatabaseNamesTheAlteredRecord(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            append(db, 10, "alice");
            db.sql("UPDATE audit_record SET object_id = 'case-999' WHERE sequence = 7");
            ChainReport report = verify(db);
            assertFalse(report.intact());
            assertEquals(7L, report.firstBadSequence());
            assertTrue(report.problem().contains("altered"), report.problem());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aDeleteInTheDatabaseNamesTheMissingRecord(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            append(db, 10, "alice");
            db.sql("DELETE FROM audit_record WHERE sequence = 4");
            ChainReport report = verify(db);
            assertEquals(4L, report.firstBadSequence());
            assertTrue(report.problem().contains("missing"), report.problem());

            db.sql("DELETE FROM audit_record WHERE sequence >= 9");
            assertEquals(4L, verify(db).firstBadSequence(), "the first bad record stays the first one");
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void deletingTheNewestRecordsIsNoticed(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            append(db, 6, "alice");
            db.sql("DELETE FROM audit_record WHERE sequence >= 5");
            ChainReport report = verify(db);
            assertEquals(5L, report.firstBadSequence());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void concurrentAppendsKeepOneUnbrokenChain(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> writers = IntStream.range(0, 4)
                    .<Future<?>>mapToObj(t -> threads.submit(() -> append(db, 25, "writer" + t))).toList();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            ChainReport report = verify(db);
            assertTrue(report.intact(), report.problem());
            assertEquals(100, report.checked());
        }
    }
}
