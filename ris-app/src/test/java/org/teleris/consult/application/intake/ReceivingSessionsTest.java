package org.teleris.consult.application.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.consult.domain.intake.UploadSession;
import org.teleris.consult.infrastructure.intake.JpaIntakeRepositories;
import org.teleris.ris.infrastructure.persistence.TestDatabase;

/**
 * The intake reads a receiving session once and then takes it from memory, until it forgets it; what it
 * remembers may be older than the row (the index transaction checks the row again), so these are the rules.
 */
class ReceivingSessionsTest {

    private static final String NORTH = "11111111-1111-1111-1111-111111111111";
    private static final Instant T = Instant.parse("2026-12-07T09:00:00Z");

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aReceivingSessionIsReadOnceAndAgainOnlyOnceForgotten(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.sql("INSERT INTO organisation (id, name, kind) VALUES ('" + NORTH + "', 'North', 'REGIONAL_CLINIC')");
            String id = db.inTransaction("consult", em -> {
                UploadSession s = new UploadSession("case-a", NORTH, T);
                JpaIntakeRepositories.over(em).add(s);
                return s.id();
            });
            EntityManager reads = db.entityManager("consult");
            IntakeRecords records = new IntakeRecords();
            records.repository = JpaIntakeRepositories.over(reads);
            ReceivingSessions sessions = new ReceivingSessions();
            sessions.records = records;

            UploadSession first = sessions.session(id).orElseThrow();
            assertTrue(first.acceptsInstances());
            // another request completes the upload meanwhile
            db.inTransaction("consult", em -> {
                UploadSession s = JpaIntakeRepositories.over(em).lockedSession(id).orElseThrow();
                s.received("STORED", 10, "C_STORE", T.plusSeconds(1));
                s.complete("doctor.north", T.plusSeconds(2));
                return null;
            });
            reads.clear(); // each request reads in a persistence context of its own
            assertSame(first, sessions.session(id).orElseThrow(), "remembered: not read again");

            sessions.forget(id);
            UploadSession now = sessions.session(id).orElseThrow();
            assertFalse(now.acceptsInstances(), "forgotten: read as it is now");
            reads.clear();
            assertNotSame(now, sessions.session(id).orElseThrow(), "a session that takes nothing is not remembered");
            assertTrue(sessions.session("no-such-session").isEmpty());
        }
    }
}
