package org.teleris.ris.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.ris.domain.aiquality.AiRun;
import org.teleris.ris.domain.aiquality.AiStage;
import org.teleris.ris.domain.aiquality.ReferenceDecision;

/** AI results and reference decisions as stored: periods, revisions, and many cases at once. */
class AiQualityPersistenceTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void runsAndDecisionsRoundTrip(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.inTransaction("ris", em -> {
                JpaAiQualityRepository repo = new JpaAiQualityRepository(em);
                repo.add(new AiRun(AiStage.TRIAGE, "c1", "org", "builtin", "1.0", AiRun.COMPLETED, null, 0.73, "CT-2",
                        812, T));
                repo.add(new AiRun(AiStage.TRIAGE, "c2", "org", null, null, AiRun.DEFECT, "TIMED_OUT", null, null,
                        30000, T.plusSeconds(3600)));
                repo.add(new AiRun(AiStage.CONSULTATION, "c3", "org", "builtin", "1.0", AiRun.COMPLETED, null, 0.1,
                        "CT-0", 900, T.plusSeconds(7200)));
                repo.add(new ReferenceDecision("c1", AiStage.TRIAGE, false, T));
                return null;
            });
            List<AiRun> firstTwoHours = db.inTransaction("ris",
                    em -> new JpaAiQualityRepository(em).runsBetween(T, T.plusSeconds(7200)));
            assertEquals(2, firstTwoHours.size(), "the end of the period is exclusive");
            AiRun first = firstTwoHours.get(0);
            assertEquals(0.73, first.probability(), 1e-12);
            assertEquals(T, first.createdAt());
            assertEquals("unknown", firstTwoHours.get(1).modelId());
            assertNull(firstTwoHours.get(1).probability());

            // a revised decision replaces the earlier one
            db.inTransaction("ris", em -> {
                new JpaAiQualityRepository(em).decision("c1", AiStage.TRIAGE).orElseThrow().revise(true, T);
                return null;
            });
            List<ReferenceDecision> decisions = db.inTransaction("ris",
                    em -> new JpaAiQualityRepository(em).decisionsFor(AiStage.TRIAGE, List.of("c1", "c2")));
            assertEquals(1, decisions.size());
            assertTrue(decisions.get(0).positive());
            assertFalse(db.inTransaction("ris", em -> new JpaAiQualityRepository(em)
                    .decision("c1", AiStage.CONSULTATION)).isPresent(), "stages are separate");
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void decisionsForManyCasesAreFetchedInChunks(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            List<String> ids = IntStream.range(0, 1203).mapToObj(i -> "case-" + i).toList();
            db.inTransaction("ris", em -> {
                JpaAiQualityRepository repo = new JpaAiQualityRepository(em);
                ids.forEach(id -> repo.add(new ReferenceDecision(id, AiStage.TRIAGE, id.hashCode() % 2 == 0, T)));
                return null;
            });
            assertEquals(1203, db.inTransaction("ris",
                    em -> new JpaAiQualityRepository(em).decisionsFor(AiStage.TRIAGE, ids)).size());
        }
    }
}
