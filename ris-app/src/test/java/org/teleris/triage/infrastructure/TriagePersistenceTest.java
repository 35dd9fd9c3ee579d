package org.teleris.triage.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.ris.infrastructure.persistence.TestDatabase;
import org.teleris.triage.domain.BodyPart;
import org.teleris.triage.domain.CaseHistoryEntry;
import org.teleris.triage.domain.CaseMessage;
import org.teleris.triage.domain.CaseState;
import org.teleris.triage.domain.CaseTimeline;
import org.teleris.triage.domain.ChannelEvent;
import org.teleris.triage.domain.ClinicalData;
import org.teleris.triage.domain.PcrResult;
import org.teleris.triage.domain.Preview;
import org.teleris.triage.domain.Symptom;
import org.teleris.triage.domain.DutyShift;
import org.teleris.triage.domain.Modality;
import org.teleris.triage.domain.Participant;
import org.teleris.triage.domain.TriageCase;

/** The triage context's tables, created by ris-app's migrations, on both databases. */
class TriagePersistenceTest {

    private static final String NORTH = "11111111-1111-1111-1111-111111111111";
    private static final String SOUTH = "22222222-2222-2222-2222-222222222222";

    private static void organisations(TestDatabase db) {
        db.sql("INSERT INTO organisation (id, name, kind) VALUES ('" + NORTH + "', 'North', 'REGIONAL_CLINIC')");
        db.sql("INSERT INTO organisation (id, name, kind) VALUES ('" + SOUTH + "', 'South', 'REGIONAL_CLINIC')");
    }

    private static Participant doctor(String organisation) {
        return new Participant(java.util.UUID.randomUUID().toString(), "doc", "Dr Doc", Participant.Role.DOCTOR, organisation, "Org");
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void casesAreListedNewestFirstPerOrganisation(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            Instant t = Instant.parse("2026-11-23T09:00:00Z");
            db.inTransaction("triage", em -> {
                JpaTriageCaseRepository cases = new JpaTriageCaseRepository(em);
                cases.add(TriageCase.submit(doctor(NORTH), "first north", Modality.CT, BodyPart.CHEST, t));
                cases.add(TriageCase.submit(doctor(SOUTH), "south", Modality.CR, BodyPart.CHEST, t.plusSeconds(1)));
                cases.add(TriageCase.submit(doctor(NORTH), "Второй север — ёж", Modality.CT, BodyPart.OTHER,
                        t.plusSeconds(2)));
                return null;
            });
            List<TriageCase> north = db.inTransaction("triage", em -> new JpaTriageCaseRepository(em).newest(NORTH, 10));
            assertEquals(List.of("Второй север — ёж", "first north"), north.stream().map(TriageCase::question).toList());
            assertEquals(t.plusSeconds(2), north.get(0).createdAt());
            List<TriageCase> all = db.inTransaction("triage", em -> new JpaTriageCaseRepository(em).newest(null, 2));
            assertEquals(2, all.size());
            assertEquals("south", all.get(1).question());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void timelinesKeepTheFirstClaimOfAReleasedCaseAndOnlyThePeriodsCases(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            Instant t = Instant.parse("2026-11-23T09:00:00Z");
            Participant first = new Participant(java.util.UUID.randomUUID().toString(), "c1", "Dr First",
                    Participant.Role.CONSULTANT, "centre", "Centre");
            Participant second = new Participant(java.util.UUID.randomUUID().toString(), "c2", "Dr Second",
                    Participant.Role.CONSULTANT, "centre", "Centre");
            String caseId = db.inTransaction("triage", em -> {
                JpaTriageCaseRepository cases = new JpaTriageCaseRepository(em);
                cases.add(TriageCase.submit(doctor(SOUTH), "before", Modality.CT, BodyPart.CHEST, t.minusSeconds(3600)));
                TriageCase c = TriageCase.submit(doctor(NORTH), "released once", Modality.CT, BodyPart.CHEST, t);
                cases.add(c);
                JpaCaseConversationRepository history = new JpaCaseConversationRepository(em);
                c.claim(first, true, t.plusSeconds(60));
                history.add(new CaseHistoryEntry(c, first, "CLAIM", null, t.plusSeconds(60)));
                c.release(first);
                history.add(new CaseHistoryEntry(c, first, "RELEASE", null, t.plusSeconds(120)));
                c.claim(second, true, t.plusSeconds(600));
                history.add(new CaseHistoryEntry(c, second, "CLAIM", null, t.plusSeconds(600)));
                c.answer(second, "viral", t.plusSeconds(900));
                return c.id();
            });
            List<CaseTimeline> timelines = db.inTransaction("triage",
                    em -> new JpaTriageCaseRepository(em).timelines(t.minusSeconds(60), t.plusSeconds(3600), 100));
            assertEquals(1, timelines.size());
            CaseTimeline timeline = timelines.get(0);
            assertEquals(caseId, timeline.caseId());
            assertEquals(CaseState.ANSWERED, timeline.state());
            assertEquals(t.plusSeconds(60), timeline.firstClaimedAt());
            assertEquals(t.plusSeconds(900), timeline.decidedAt());
            assertEquals("Dr Second", timeline.decidedByName());
            assertEquals(2, db.inTransaction("triage",
                    em -> new JpaTriageCaseRepository(em).timelines(t.minusSeconds(7200), t.plusSeconds(3600), 100))
                    .size());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void channelEventsGetConsecutiveSequencesAndAreReadBackPerOrganisation(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            for (String organisation : List.of(NORTH, SOUTH, NORTH, NORTH)) {
                db.inTransaction("triage", em -> {
                    JpaChannelEventRepository events = new JpaChannelEventRepository(em);
                    long sequence = events.claimNextSequence();
                    events.add(new ChannelEvent(sequence, organisation, "case.created", "c-" + sequence,
                            "{\"n\":" + sequence + "}", Instant.now()));
                    return null;
                });
            }
            List<ChannelEvent> north = db.inTransaction("triage",
                    em -> new JpaChannelEventRepository(em).after(1, NORTH, 100));
            assertEquals(List.of(3L, 4L), north.stream().map(ChannelEvent::sequence).toList());
            assertEquals("{\"n\":4}", north.get(1).payload());
            List<ChannelEvent> all = db.inTransaction("triage",
                    em -> new JpaChannelEventRepository(em).after(0, null, 100));
            assertEquals(List.of(1L, 2L, 3L, 4L), all.stream().map(ChannelEvent::sequence).toList());
            assertTrue(db.inTransaction("triage", em -> new JpaChannelEventRepository(em).after(4, null, 10)).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aClaimedCaseItsChatHistoryAndTheRosterRoundTrip(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            Instant t = Instant.parse("2026-11-23T09:00:00Z");
            Participant consultant = new Participant(java.util.UUID.randomUUID().toString(), "cons", "Dr Consultant",
                    Participant.Role.CONSULTANT, "centre", "Centre");
            Participant doctor = doctor(NORTH);
            String caseId = db.inTransaction("triage", em -> {
                TriageCase c = TriageCase.submit(doctor, "question", Modality.CT, BodyPart.CHEST, t);
                new JpaTriageCaseRepository(em).add(c);
                new JpaDutyRosterRepository(em).add(new DutyShift(consultant, t.minusSeconds(60), t.plusSeconds(3600)));
                return c.id();
            });
            db.inTransaction("triage", em -> {
                JpaDutyRosterRepository roster = new JpaDutyRosterRepository(em);
                TriageCase c = new JpaTriageCaseRepository(em).findForUpdate(caseId).orElseThrow();
                c.claim(consultant, roster.onDuty(consultant.userId(), t), t);
                JpaCaseConversationRepository conversation = new JpaCaseConversationRepository(em);
                conversation.add(new CaseHistoryEntry(c, consultant, "CLAIM", null, t));
                conversation.add(CaseMessage.post(c, doctor, "Сатурация 94 %, ПЦР ожидается", t.plusSeconds(5)));
                conversation.add(CaseMessage.post(c, consultant, "Thanks", t.plusSeconds(9)));
                return null;
            });
            TriageCase loaded = db.inTransaction("triage", em -> new JpaTriageCaseRepository(em).find(caseId)).get();
            assertEquals(CaseState.CLAIMED, loaded.state());
            assertEquals("Dr Consultant", loaded.claimedByName());
            assertEquals(t, loaded.claimedAt());
            List<CaseMessage> chat = db.inTransaction("triage", em -> new JpaCaseConversationRepository(em).messages(caseId));
            assertEquals(List.of("Сатурация 94 %, ПЦР ожидается", "Thanks"), chat.stream().map(CaseMessage::text).toList());
            assertEquals("CLAIMED", db.inTransaction("triage",
                    em -> new JpaCaseConversationRepository(em).history(caseId)).get(0).resultingState());
            Boolean lastSecond = db.inTransaction("triage", em -> new JpaDutyRosterRepository(em)
                    .onDuty(consultant.userId(), t.plusSeconds(3599)));
            Boolean afterTheEnd = db.inTransaction("triage", em -> new JpaDutyRosterRepository(em)
                    .onDuty(consultant.userId(), t.plusSeconds(3600)));
            assertTrue(lastSecond);
            assertFalse(afterTheEnd);
            assertEquals(1, db.inTransaction("triage", em -> new JpaDutyRosterRepository(em).endingAfter(t)).size());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void clinicalDataAndWaitingCasesRoundTrip(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            Instant t = Instant.parse("2026-11-23T09:00:00Z");
            String withData = db.inTransaction("triage", em -> {
                JpaTriageCaseRepository cases = new JpaTriageCaseRepository(em);
                TriageCase c = TriageCase.submit(doctor(NORTH), "with data", Modality.CT, BodyPart.CHEST,
                        new ClinicalData(38.6, 24, 94, 280, 6, java.util.EnumSet.of(Symptom.COUGH, Symptom.ANOSMIA),
                                PcrResult.NEGATIVE, false), t);
                cases.add(c);
                cases.add(TriageCase.submit(doctor(NORTH), "plain", Modality.CT, BodyPart.CHEST, t.plusSeconds(600)));
                return c.id();
            });
            TriageCase loaded = db.inTransaction("triage", em -> new JpaTriageCaseRepository(em).find(withData)).get();
            ClinicalData data = loaded.clinical().orElseThrow();
            assertEquals(38.6, data.temperatureC());
            assertEquals(java.util.Set.of(Symptom.COUGH, Symptom.ANOSMIA), data.symptoms());
            assertEquals(PcrResult.NEGATIVE, data.pcr());
            assertEquals(Boolean.FALSE, data.epidemiologicalContact());

            List<TriageCase> waiting = db.inTransaction("triage",
                    em -> new JpaTriageCaseRepository(em).waitingUnalertedSince(t.plusSeconds(300), 10));
            assertEquals(List.of("with data"), waiting.stream().map(TriageCase::question).toList());
            db.inTransaction("triage", em -> new JpaTriageCaseRepository(em).findForUpdate(withData).orElseThrow()
                    .markOverdueAlerted(t.plusSeconds(400)));
            assertTrue(db.inTransaction("triage", em -> new JpaTriageCaseRepository(em)
                    .waitingUnalertedSince(t.plusSeconds(3600), 10)).stream().noneMatch(c -> c.id().equals(withData)),
                    "an alerted case is not alerted again");
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void previewsAreAttachedToOneCaseOfTheirOrganisation(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            organisations(db);
            Instant t = Instant.parse("2026-11-23T09:00:00Z");
            Participant doctor = doctor(NORTH);
            String report = "{\"kind\":\"JPEG\",\"maskedRegions\":[{\"x\":0,\"y\":0,\"width\":200,\"height\":40}]}";
            String[] ids = db.inTransaction("triage", em -> {
                Preview preview = new Preview(doctor, "JPEG", "image/jpeg", 12345, report, t);
                new JpaPreviewRepository(em).add(preview);
                TriageCase c = TriageCase.submit(doctor, "q", Modality.CT, BodyPart.CHEST, t);
                new JpaTriageCaseRepository(em).add(c);
                preview.attachTo(c, doctor);
                return new String[] {preview.id(), c.id()};
            });
            List<Preview> ofCase = db.inTransaction("triage", em -> new JpaPreviewRepository(em).ofCase(ids[1]));
            assertEquals(1, ofCase.size());
            assertEquals(report, ofCase.get(0).report());
            assertEquals(12345, ofCase.get(0).sizeBytes());
            assertTrue(ofCase.get(0).isVisibleTo(new Participant("x", "c", "C", Participant.Role.CONSULTANT, "centre",
                    "Centre")));
            assertFalse(ofCase.get(0).isVisibleTo(doctor(SOUTH)));
        }
    }
}
