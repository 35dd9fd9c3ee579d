package org.teleris.consult.infrastructure.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.consult.domain.intake.InstanceHeader;
import org.teleris.consult.domain.intake.IntakeRejection;
import org.teleris.consult.domain.intake.SessionStudy;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.intake.StudySearch;
import org.teleris.consult.domain.intake.StudySummary;
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
    void aStoredInstanceIsCountedInPlaceOnlyWhenTheCountersAreAllThatChanges(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            UploadSession open = db.inTransaction("consult", em -> {
                UploadSession s = new UploadSession("case-a", NORTH, T);
                new JpaIntakeRepository(em).add(s);
                return s;
            });
            assertFalse(countedInPlace(db, open, "C_STORE", 10, T), "an open session must start receiving");
            UploadSession receiving = db.inTransaction("consult", em -> {
                UploadSession s = new JpaIntakeRepository(em).lockedSession(open.id()).orElseThrow();
                s.received("STORED", 100, "C_STORE", T);
                return s;
            });
            long version = version(db, open.id());
            assertFalse(countedInPlace(db, receiving, "STOW_RS", 10, T), "a new channel must be listed");

            Instant later = T.plusMillis(1500).plusNanos(123_456);
            assertTrue(countedInPlace(db, receiving, "C_STORE", 250, later));
            UploadSession counted = db.inTransaction("consult", em -> new JpaIntakeRepository(em)
                    .session(open.id()).orElseThrow());
            // exactly what the entity's own count gives
            receiving.received("STORED", 250, "C_STORE", later);
            assertEquals(receiving.storedCount(), counted.storedCount());
            assertEquals(receiving.storedBytes(), counted.storedBytes());
            assertEquals(receiving.lastReceivedAt(), counted.lastReceivedAt());
            assertEquals(receiving.channels(), counted.channels());
            assertEquals(UploadSessionState.RECEIVING, counted.state());
            assertEquals(version + 1, version(db, open.id()), "the version moves: older copies cannot overwrite");

            // another channel joined meanwhile: the copy read before is stale, the entity counts it
            db.inTransaction("consult", em -> {
                new JpaIntakeRepository(em).lockedSession(open.id()).orElseThrow().received("DUPLICATE", 0, "CLI", T);
                return null;
            });
            assertFalse(countedInPlace(db, counted, "C_STORE", 10, later));
            UploadSession withCli = db.inTransaction("consult", em -> new JpaIntakeRepository(em)
                    .session(open.id()).orElseThrow());
            db.inTransaction("consult", em -> {
                new JpaIntakeRepository(em).lockedSession(open.id()).orElseThrow().complete("doctor", later);
                return null;
            });
            assertFalse(countedInPlace(db, withCli, "C_STORE", 10, later), "a complete session takes nothing more");
            assertEquals(2, db.inTransaction("consult", em -> new JpaIntakeRepository(em)
                    .session(open.id()).orElseThrow()).storedCount());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void parallelReceiversCountingInPlaceAndThroughTheLockedEntityAllAddUp(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            UploadSession seen = db.inTransaction("consult", em -> {
                UploadSession s = new UploadSession("case-a", NORTH, T);
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                repository.add(s);
                s.received("STORED", 1, "C_STORE", T);
                return s;
            });
            int threads = 4;
            int each = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    boolean inPlace = t % 2 == 0;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            db.inTransaction("consult", em -> {
                                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                                if (!inPlace || !repository.countStoredInPlace(seen, "C_STORE", 10, T)) {
                                    repository.lockedSession(seen.id()).orElseThrow().received("STORED", 10, "C_STORE", T);
                                }
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            UploadSession s = db.inTransaction("consult", em -> new JpaIntakeRepository(em).session(seen.id()).orElseThrow());
            assertEquals(1 + threads * each, s.storedCount());
            assertEquals(1 + 10L * threads * each, s.storedBytes());
        }
    }

    private static boolean countedInPlace(TestDatabase db, UploadSession seen, String channel, long size, Instant at) {
        Boolean counted = db.inTransaction("consult", em -> new JpaIntakeRepository(em)
                .countStoredInPlace(seen, channel, size, at));
        return counted;
    }

    private static long version(TestDatabase db, String sessionId) {
        return db.inTransaction("consult", em -> ((Number) em.createNativeQuery(
                "SELECT version FROM upload_session WHERE id = ?").setParameter(1, sessionId).getSingleResult()).longValue());
    }

    /** The row is written by a statement of its own (the hot path), and read back through the entity. */
    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aStoredInstanceReadsBackAsWrittenIncludingTheHeaderValuesItLacks(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            InstanceHeader bare = new InstanceHeader("2.25.401", "1.2.840.10008.5.1.4.1.1.7", "2.25.110", "2.25.210",
                    "1.2.840.10008.1.2.1", null, null, null, null, null, null, 0);
            String sessionId = db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession s = new UploadSession("case-bare", NORTH, T);
                repository.add(s);
                repository.add(new StoredInstance(s, bare, "d".repeat(64), 12345678901L, "n/bare.dcm", "C_STORE", T.plusMillis(1234)));
                repository.add(new StoredInstance(s, header("2.25.402", 7), "e".repeat(64), 10, "n/7.dcm", "CLI", T));
                return s.id();
            });
            db.inTransaction("consult", em -> {
                StoredInstance read = new JpaIntakeRepository(em).instance("2.25.401").orElseThrow();
                assertEquals(sessionId, read.uploadSessionId());
                assertEquals("case-bare", read.caseId());
                assertEquals(NORTH, read.organisationId());
                assertEquals("2.25.110", read.studyInstanceUid());
                assertEquals("2.25.210", read.seriesInstanceUid());
                assertEquals("1.2.840.10008.5.1.4.1.1.7", read.sopClassUid());
                assertEquals(null, read.patientPseudonym());
                assertEquals(null, read.modality());
                assertEquals(null, read.seriesNumber());
                assertEquals(null, read.instanceNumber());
                assertEquals(null, read.seriesDescription());
                assertEquals(null, read.studyDate());
                assertEquals(1, read.frameCount());
                assertEquals(12345678901L, read.sizeBytes());
                assertEquals("n/bare.dcm", read.storagePath());
                assertEquals("C_STORE", read.receivedVia());
                assertEquals(T.plusMillis(1234), read.storedAt());
                StoredInstance full = new JpaIntakeRepository(em).instance("2.25.402").orElseThrow();
                assertEquals(7, full.instanceNumber());
                assertEquals(2, full.seriesNumber());
                assertEquals("ANONABC", full.patientPseudonym());
                assertEquals("20231001", full.studyDate());
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aSessionsStudiesAreCountedBySeriesAndInstanceWithoutLoadingThem(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            String sessionId = db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession s = new UploadSession("case-s", NORTH, T);
                repository.add(s);
                UploadSession other = new UploadSession("case-o", NORTH, T);
                repository.add(other);
                int n = 0;
                for (String[] study : new String[][] {{"2.25.9", "ANONB", "2.25.91"}, {"2.25.9", "ANONB", "2.25.92"},
                        {"2.25.9", "ANONB", "2.25.92"}, {"2.25.10", "ANONA", "2.25.11"}}) {
                    n++;
                    repository.add(new StoredInstance(s, new InstanceHeader("2.25.5" + n, "1.2.840.10008.5.1.4.1.1.2",
                            study[0], study[2], "1.2.840.10008.1.2.1", study[1], "CT", 1, n, null, null, 1),
                            "c".repeat(63) + n, 10, "s/" + n + ".dcm", "C_STORE", T));
                }
                repository.add(new StoredInstance(other, header("2.25.59", 1), "d".repeat(64), 10, "o/1.dcm", "C_STORE", T));
                return s.id();
            });
            db.inTransaction("consult", em -> {
                assertEquals(List.of(new SessionStudy("2.25.10", "ANONA", 1, 1), new SessionStudy("2.25.9", "ANONB", 2, 3)),
                        new JpaIntakeRepository(em).studiesOfSession(sessionId), "by study UID, this session only");
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
                assertEquals(List.of(new SessionStudy("2.25.100", "ANONABC", 1, 2)),
                        repository.studiesOfSession(sessionId), "counted by the database, per study");
                assertEquals(2, repository.instancesOfStudy("2.25.100").size());
                assertEquals(List.of(new StudySummary("2.25.100", "ANONABC", "20231001", Set.of("CT"), 1, 2)),
                        repository.searchStudies(search(NORTH), 0, 10));
                assertTrue(repository.searchStudies(search(SOUTH), 0, 10).isEmpty());
                assertTrue(repository.searchStudies(search(null), 0, 10).isEmpty(), "receiving: not the experts' yet");
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

            // one content per UID across sessions: the first copy's claim wins; a later claim changes nothing
            boolean first = db.inTransaction("consult", em -> new JpaIntakeRepository(em).claimContent("2.25.301", "b".repeat(64)));
            assertTrue(first, "the first claim wins");
            for (String sha : List.of("c".repeat(64), "b".repeat(64))) {
                boolean again = db.inTransaction("consult", em -> new JpaIntakeRepository(em).claimContent("2.25.301", sha));
                assertFalse(again, "a UID's content is claimed once");
            }
            assertEquals("b".repeat(64), db.inTransaction("consult", em -> em.createNativeQuery(
                    "select content_sha256 from instance_content where sop_instance_uid = '2.25.301'").getSingleResult()));

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
                assertEquals(List.of(new SessionStudy("2.25.100", "ANONABC", 1, 1)), repository.studiesOfSession(later));
                assertEquals(3, repository.instancesOfStudy("2.25.100").size());
                assertEquals(2, repository.allStoragePaths().stream().filter(p -> p.startsWith("n/")).count(),
                        "one file, named once");
                return null;
            });
        }
    }

    private static StudySearch search(String organisationId) {
        return new StudySearch(organisationId, Set.of(), null, null, null, null);
    }

    private static void store(JpaIntakeRepository repository, UploadSession session, String sop, String study, String series,
                              String patient, String modality, String date, Instant at) {
        repository.add(new StoredInstance(session, new InstanceHeader(sop, "1.2.840.10008.5.1.4.1.1.2", study, series,
                "1.2.840.10008.1.2.1", patient, modality, 1, 1, null, date, 1), "e".repeat(60) + sop.substring(sop.length() - 4),
                10, "q/" + sop + ".dcm", "C_STORE", at));
        session.received("STORED", 10, "C_STORE", at);
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aStudySearchIsGroupedFilteredAndPagedByTheDatabase(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                UploadSession first = new UploadSession("case-1", NORTH, T);
                UploadSession again = new UploadSession("case-2", NORTH, T);
                UploadSession receiving = new UploadSession("case-3", NORTH, T);
                UploadSession south = new UploadSession("case-4", SOUTH, T);
                for (UploadSession s : List.of(first, again, receiving, south)) {
                    repository.add(s);
                }
                // study A: CT + SR in two series, its CT instance sent again for a later case (counted once)
                store(repository, first, "2.25.1001", "2.25.1", "2.25.11", "ANONA", "CT", "20260105", T);
                store(repository, first, "2.25.1002", "2.25.1", "2.25.12", "ANONA", "SR", "20260105", T.plusSeconds(1));
                store(repository, again, "2.25.1001", "2.25.1", "2.25.11", "ANONA", "CT", "20260105", T.plusSeconds(2));
                // study B: stored later, MR, another patient; study C: still receiving; study D: the southern clinic
                store(repository, first, "2.25.2001", "2.25.2", "2.25.21", "ANONB", "MR", "20260301", T.plusSeconds(5));
                store(repository, receiving, "2.25.3001", "2.25.3", "2.25.31", "ANONC", "CT", "20260210", T.plusSeconds(9));
                store(repository, south, "2.25.4001", "2.25.4", "2.25.41", "ANOND", "CT", "20260105", T.plusSeconds(3));
                first.complete("doctor.north", T.plusSeconds(20));
                again.complete("doctor.north", T.plusSeconds(20));
                south.complete("doctor.north", T.plusSeconds(20));
                return null;
            });
            db.inTransaction("consult", em -> {
                JpaIntakeRepository repository = new JpaIntakeRepository(em);
                StudySummary a = new StudySummary("2.25.1", "ANONA", "20260105", Set.of("CT", "SR"), 2, 2);
                StudySummary b = new StudySummary("2.25.2", "ANONB", "20260301", Set.of("MR"), 1, 1);
                StudySummary c = new StudySummary("2.25.3", "ANONC", "20260210", Set.of("CT"), 1, 1);
                StudySummary d = new StudySummary("2.25.4", "ANOND", "20260105", Set.of("CT"), 1, 1);
                assertEquals(List.of(c, b, a), repository.searchStudies(search(NORTH), 0, 10),
                        "the clinic: its own studies in any state, most recently stored first");
                assertEquals(List.of(b, d, a), repository.searchStudies(search(null), 0, 10),
                        "the reference centre: complete uploads of every clinic");
                assertEquals(List.of(d), repository.searchStudies(search(null), 1, 1), "a page");
                assertEquals(List.of(b, a), repository.searchStudies(new StudySearch(NORTH, Set.of("2.25.1", "2.25.2", "2.25.4"),
                        null, null, null, null), 0, 10), "a UID list, within what the caller may see");
                assertEquals(List.of(a), repository.searchStudies(new StudySearch(NORTH, Set.of(), "ANONA", null, null, null),
                        0, 10));
                assertEquals(List.of(a), repository.searchStudies(new StudySearch(NORTH, Set.of(), null, "SR", null, null),
                        0, 10), "a modality of any series; the study keeps all its modalities");
                assertEquals(List.of(c, a), repository.searchStudies(new StudySearch(NORTH, Set.of(), null, "CT", null, null),
                        0, 10));
                assertEquals(List.of(c), repository.searchStudies(new StudySearch(NORTH, Set.of(), null, null, "20260201",
                        "20260228"), 0, 10), "a date range");
                assertEquals(List.of(c, b), repository.searchStudies(new StudySearch(NORTH, Set.of(), null, null, "20260210",
                        null), 0, 10), "an open range, both ends inclusive");
                assertEquals(List.of(d, a), repository.searchStudies(new StudySearch(null, Set.of(), null, "CT", "20260105",
                        "20260105"), 0, 10), "one date, one modality, every clinic");
                return null;
            });
        }
    }
}
