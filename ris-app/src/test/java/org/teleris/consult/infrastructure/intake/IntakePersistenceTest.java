package org.teleris.consult.infrastructure.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.consult.domain.intake.InstanceHeader;
import org.teleris.consult.domain.intake.IntakeRejection;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.intake.UploadSession;
import org.teleris.consult.domain.intake.UploadSessionState;
import org.teleris.ris.infrastructure.persistence.TestDatabase;

/** The intake's tables, created by ris-app's migrations, through the context's repository, on both databases. */
class IntakePersistenceTest {

    private static final String NORTH = "11111111-1111-1111-1111-111111111111";
    private static final String SOUTH = "22222222-2222-2222-2222-222222222222";
    private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

    private static void organisations(TestDatabase db) {
        db.sql("INSERT INTO organisation (id, name, kind) VALUES ('" + NORTH + "', 'North', 'REGIONAL_CLINIC')");
        db.sql("INSERT INTO organisation (id, name, kind) VALUES ('" + SOUTH + "', 'South', 'REGIONAL_CLINIC')");
    }

    private static InstanceHeader header(String sop, int number) {
        return new InstanceHeader(sop, "1.2.840.10008.5.1.4.1.1.2", "2.25.100", "2.25.200", "1.2.840.10008.1.2.1",
                "ANONABC", "CT", 2, number, "Аксиальная 1,25 мм — ёж", "20231001", 1);
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void sessionsKeepTheirCountsAndAreFoundByCaseAndOrganisation(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            String[] ids = db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession north = new UploadSession("case-a", NORTH, T);
                UploadSession south = new UploadSession("case-b", SOUTH, T);
                repository.add(north);
                repository.add(south);
                return new String[] {north.id(), south.id()};
            });
            db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession s = repository.lockedSession(ids[0]).orElseThrow();
                s.received("STORED", 1234, "C_STORE", T.plusSeconds(10));
                s.received("REJECTED", 0, "C_STORE", T.plusSeconds(11));
                repository.add(new IntakeRejection(s.id(), "REJECTED", "NOT_DICOM", "Not a DICOM file.", null,
                        "C_STORE", T.plusSeconds(11)));
                return null;
            });
            db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession s = repository.sessionOfCase("case-a").orElseThrow();
                assertEquals(UploadSessionState.RECEIVING, s.state());
                assertEquals(1, s.storedCount());
                assertEquals(1, s.rejectedCount());
                assertEquals(1234, s.storedBytes());
                assertEquals("C_STORE", s.channels());
                assertEquals(T.plusSeconds(11), s.lastReceivedAt());
                assertEquals(List.of(ids[0]), repository.openSessionsOf(NORTH).stream().map(UploadSession::id).toList());
                assertEquals(List.of(ids[0]), repository.receivingSessions().stream().map(UploadSession::id).toList());
                IntakeRejection rejection = repository.rejectionsOf(ids[0], 10).get(0);
                assertEquals("NOT_DICOM", rejection.reasonCode());
                assertEquals("C_STORE", rejection.receivedVia());
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void theIndexHoldsEachSopInstanceOncePerUploadSession(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            String sessionId = db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession s = new UploadSession("case-a", NORTH, T);
                repository.add(s);
                repository.add(new StoredInstance(s, header("2.25.302", 2), "a".repeat(64), 10, "n/2.dcm", "STOW_RS", T));
                repository.add(new StoredInstance(s, header("2.25.301", 1), "b".repeat(64), 10, "n/1.dcm", "STOW_RS", T));
                return s.id();
            });
            db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                assertEquals(2, repository.instancesOfSession(sessionId).size());
                assertEquals(2, repository.instancesOfStudy("2.25.100").size());
                assertEquals(2, repository.instancesOfOrganisation(NORTH).size());
                assertTrue(repository.instancesOfOrganisation(SOUTH).isEmpty());
                assertTrue(repository.instancesOfCompleteSessions().isEmpty(), "receiving: not the experts' yet");
                assertEquals("Аксиальная 1,25 мм — ёж", repository.instance("2.25.301").orElseThrow().seriesDescription());
                assertTrue(repository.allStoragePaths().containsAll(List.of("n/1.dcm", "n/2.dcm")));
                return null;
            });
            assertThrows(RuntimeException.class, () -> db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession s = repository.session(sessionId).orElseThrow();
                repository.add(new StoredInstance(s, header("2.25.301", 1), "c".repeat(64), 10, "n/1b.dcm", "CLI", T));
                em.flush();
                return null;
            }), "a SOP Instance UID is indexed once per session");

            // the same study sent again for a later case is indexed for that case too, same file
            String later = db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession s = new UploadSession("case-b", NORTH, T.plusSeconds(60));
                repository.add(s);
                repository.add(new StoredInstance(s, header("2.25.301", 1), "b".repeat(64), 10, "n/1.dcm", "C_STORE",
                        T.plusSeconds(60)));
                return s.id();
            });
            db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                assertEquals(List.of(sessionId, later), repository.copiesOf("2.25.301").stream()
                        .map(StoredInstance::uploadSessionId).toList(), "oldest first");
                assertEquals(1, repository.instancesOfSession(later).size());
                assertEquals(3, repository.instancesOfStudy("2.25.100").size());
                assertEquals(2, repository.allStoragePaths().stream().filter(p -> p.startsWith("n/")).count(),
                        "one file, named once");
                return null;
            });
        }
    }
}
