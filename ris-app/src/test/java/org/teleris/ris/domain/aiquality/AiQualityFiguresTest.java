package org.teleris.ris.domain.aiquality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Defect counting and scoring against decisions, on hand-computed examples. */
class AiQualityFiguresTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration LATE = Duration.ofSeconds(20);

    private static AiRun completed(String model, String caseId, double p, long ms, int minute) {
        return new AiRun(AiStage.TRIAGE, caseId, "org", model, "1", AiRun.COMPLETED, null, p, "CT-1", ms,
                T.plusSeconds(60L * minute));
    }

    private static AiRun defect(String model, String type) {
        return new AiRun(AiStage.TRIAGE, "c-" + type, "org", model, "1", AiRun.DEFECT, type, null, null, 30000, T);
    }

    @Test
    void defectsAreCountedPerModelAndTypeWithLateResults() {
        List<AiRun> runs = List.of(
                completed("a", "c1", 0.9, 1200, 0),
                completed("a", "c2", 0.2, 25000, 1),                  // late
                new AiRun(AiStage.TRIAGE, "c3", "org", "a", "1", AiRun.NOT_ANALYSABLE, null, null, null, 80, T),
                defect("a", "TIMED_OUT"), defect("a", "TIMED_OUT"), defect("a", "FAILED"),
                new AiRun(AiStage.TRIAGE, "c4", "org", "a", "1", AiRun.COMPLETED, null, 1.7, null, 90, T),  // malformed
                completed("b", "c1", 0.5, 300, 0));
        List<AiQualityFigures.ModelCounts> counts = AiQualityFigures.counts(runs, LATE);
        assertEquals(2, counts.size());
        AiQualityFigures.ModelCounts a = counts.get(0);
        assertEquals("a", a.modelId());
        assertEquals(7, a.runs());
        assertEquals(2, a.completed());
        assertEquals(1, a.notAnalysable());
        assertEquals(Map.of("TIMED_OUT", 2, "FAILED", 1, "MALFORMED", 1), a.defects());
        assertEquals(1, a.late());
        assertEquals(5, a.defectTotal(), "4 defects and 1 late result");
        assertEquals(1, counts.get(1).runs());
        assertEquals(0, counts.get(1).defectTotal());
    }

    @Test
    void aucIsComputedPerModelAndStageAgainstTheDecisions() {
        List<AiRun> runs = new ArrayList<>(List.of(
                completed("a", "c1", 0.9, 100, 0),
                completed("a", "c2", 0.8, 100, 0),
                completed("a", "c3", 0.3, 100, 0),
                completed("a", "c4", 0.2, 100, 0),
                completed("a", "c5", 0.99, 100, 0)));   // no decision yet: left out
        // positives c1 (0.9), c3 (0.3); negatives c2 (0.8), c4 (0.2): 3 of 4 pairs ordered -> 0.75
        Map<AiStage, Map<String, Boolean>> truth = Map.of(AiStage.TRIAGE,
                Map.of("c1", true, "c2", false, "c3", true, "c4", false));
        AiQualityFigures.ModelAccuracy acc = AiQualityFigures.accuracy(runs, truth).get(0);
        assertEquals(AiStage.TRIAGE, acc.stage());
        assertEquals(2, acc.roc().positives());
        assertEquals(2, acc.roc().negatives());
        assertEquals(0.75, acc.roc().auc().getAsDouble(), 1e-9);
    }

    @Test
    void theLatestResultOfAModelOnACaseCounts() {
        List<AiRun> runs = List.of(
                completed("a", "c1", 0.1, 100, 0),
                completed("a", "c1", 0.9, 100, 5),      // re-run on demand, later: this one counts
                completed("a", "c2", 0.5, 100, 0));
        Map<AiStage, Map<String, Boolean>> truth = Map.of(AiStage.TRIAGE, Map.of("c1", true, "c2", false));
        assertEquals(1.0, AiQualityFigures.accuracy(runs, truth).get(0).roc().auc().getAsDouble(), 1e-9);
    }

    @Test
    void withOneClassOnlyTheAucIsUndefinedNotInvented() {
        List<AiRun> runs = List.of(completed("a", "c1", 0.9, 100, 0), completed("a", "c2", 0.4, 100, 0));
        var roc = AiQualityFigures.accuracy(runs, Map.of(AiStage.TRIAGE, Map.of("c1", true, "c2", true)))
                .get(0).roc();
        assertFalse(roc.auc().isPresent());
        assertTrue(roc.note().contains("undefined"), roc.note());
    }

    @Test
    void stagesAreScoredSeparately() {
        AiRun triage = completed("a", "c1", 0.9, 100, 0);
        AiRun consultation = new AiRun(AiStage.CONSULTATION, "c1", "org", "a", "1", AiRun.COMPLETED, null, 0.2,
                "CT-0", 100, T);
        List<AiQualityFigures.ModelAccuracy> acc = AiQualityFigures.accuracy(List.of(triage, consultation),
                Map.of(AiStage.TRIAGE, Map.of("c1", true), AiStage.CONSULTATION, Map.of("c1", false)));
        assertEquals(2, acc.size());
        assertEquals(1, acc.get(0).roc().positives());
        assertEquals(AiStage.CONSULTATION, acc.get(1).stage());
        assertEquals(1, acc.get(1).roc().negatives());
    }
}
