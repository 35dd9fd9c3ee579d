package org.teleris.ris.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.ris.domain.anonymisation.AnonymisationRecord;
import org.teleris.ris.domain.anonymisation.AnonymisationRecord.ObjectKind;
import org.teleris.ris.domain.anonymisation.AnonymisationRecordRepository.Filter;
import org.teleris.ris.domain.anonymisation.AnonymisationRecordRepository.UploadPart;

class AnonymisationRecordPersistenceTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00.123Z");

    private static AnonymisationRecord instance(String upload, String actor, String outcome, Instant at) {
        return new AnonymisationRecord(ObjectKind.STUDY_INSTANCE, "STOW_RS", "2.25." + at.toEpochMilli(), upload,
                "case-" + upload, "org-north", actor, at, "application/dicom", 1000, outcome, null, null, "{}");
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void uploadsAreCountedPerSenderAndOutcomeAndFilteredLikeTheRecords(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.inTransaction("ris", em -> {
                JpaAnonymisationRecordRepository repository = new JpaAnonymisationRecordRepository(em);
                repository.add(instance("u1", "doctor.north", "ACCEPTED", T));
                repository.add(instance("u1", "doctor.north", "ACCEPTED", T.plusSeconds(5)));
                repository.add(instance("u1", "AE:NORTH_CT", "REJECTED", T.plusSeconds(9)));
                repository.add(instance("u2", "doctor.north", "ACCEPTED", T.plusSeconds(3600)));
                repository.add(new AnonymisationRecord(ObjectKind.PREVIEW, "BROWSER", "p1", null, null, "org-north",
                        "doctor.north", T, "image/png", 10, "ACCEPTED", null, null, "{}"));
                return null;
            });
            List<UploadPart> parts = db.inTransaction("ris", em -> new JpaAnonymisationRecordRepository(em)
                    .uploadParts(new Filter("org-north", T, T.plusSeconds(60), null, null, null)));
            Map<String, UploadPart> byOutcome = parts.stream()
                    .collect(Collectors.toMap(UploadPart::outcome, p -> p));
            assertEquals(2, parts.size(), "the second upload and the preview are outside the period or kind");
            assertEquals(2, byOutcome.get("ACCEPTED").instances());
            assertEquals(2000, byOutcome.get("ACCEPTED").sizeBytes());
            assertEquals(T, byOutcome.get("ACCEPTED").firstAt(), "min() over instants, on either database");
            assertEquals(T.plusSeconds(5), byOutcome.get("ACCEPTED").lastAt());
            assertEquals("AE:NORTH_CT", byOutcome.get("REJECTED").actor());

            assertEquals(3, db.inTransaction("ris", em -> new JpaAnonymisationRecordRepository(em)
                    .search(new Filter(null, null, null, null, null, "u1"), 100)).size());
            assertEquals(1, db.inTransaction("ris", em -> new JpaAnonymisationRecordRepository(em)
                    .search(new Filter("org-north", null, null, null, "PREVIEW", null), 100)).size());
            assertEquals(5, db.inTransaction("ris", em -> new JpaAnonymisationRecordRepository(em)
                    .search(new Filter(null, null, null, null, null, null), 100)).size());
        }
    }

    /** The record is written by a statement of its own; the entity reads every column back, and verifies it later. */
    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aRecordReadsBackAsWrittenAndIsVerifiedLaterThroughTheEntity(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            String report = "{\"actions\": [\"(0010,0010) D\"], \"note\": \"ё ü\"}";
            AnonymisationRecord written = new AnonymisationRecord(ObjectKind.STUDY_INSTANCE, "C_STORE", "2.25.77", "up-1",
                    "case-1", "org-north", "AE:NORTH_CT", T, "application/dicom", 526346, "REJECTED", "RESIDUAL_PHI",
                    "identifying data survived at (0010,0010)", report);
            AnonymisationRecord bare = new AnonymisationRecord(ObjectKind.PREVIEW, "BROWSER", null, null, null, "org-north",
                    "doctor.north", T.plusSeconds(1), null, 10, "ACCEPTED", null, null, null);
            db.inTransaction("ris", em -> {
                JpaAnonymisationRecordRepository repository = new JpaAnonymisationRecordRepository(em);
                repository.add(written);
                repository.add(bare);
                return null;
            });
            db.inTransaction("ris", em -> {
                AnonymisationRecord read = new JpaAnonymisationRecordRepository(em).find(written.id()).orElseThrow();
                assertEquals(ObjectKind.STUDY_INSTANCE, read.objectKind());
                assertEquals("C_STORE", read.channel());
                assertEquals("2.25.77", read.objectRef());
                assertEquals("up-1", read.uploadRef());
                assertEquals("case-1", read.caseId());
                assertEquals("org-north", read.organisationId());
                assertEquals("AE:NORTH_CT", read.actor());
                assertEquals(T, read.receivedAt());
                assertEquals("application/dicom", read.mediaKind());
                assertEquals(526346, read.sizeBytes());
                assertEquals("REJECTED", read.outcome());
                assertEquals("RESIDUAL_PHI", read.reasonCode());
                assertEquals("identifying data survived at (0010,0010)", read.reason());
                assertEquals(report, read.report());
                assertEquals(null, read.verifiedAt());
                assertEquals(null, read.verifiedPassed());
                AnonymisationRecord other = new JpaAnonymisationRecordRepository(em).find(bare.id()).orElseThrow();
                assertEquals(null, other.objectRef());
                assertEquals(null, other.mediaKind());
                assertEquals(null, other.report());
                read.verified("admin.centre", true, "verified again", T.plusSeconds(60));
                return null;
            });
            AnonymisationRecord verified = db.inTransaction("ris", em -> new JpaAnonymisationRecordRepository(em)
                    .find(written.id()).orElseThrow());
            assertEquals(Boolean.TRUE, verified.verifiedPassed());
            assertEquals("admin.centre", verified.verifiedBy());
            assertEquals(T.plusSeconds(60), verified.verifiedAt());
        }
    }
}
