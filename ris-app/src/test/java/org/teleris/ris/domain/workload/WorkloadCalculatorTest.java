package org.teleris.ris.domain.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadCalculatorTest {

    private static final Duration LIMIT = Duration.ofMinutes(30);
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-04T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-04T12:00:00Z");

    private static CaseFact fact(String org, String state, String created, Integer claimAfterMin,
                                 Integer decideAfterMin, String consultant) {
        Instant c = Instant.parse(created);
        return new CaseFact("case-" + created + state, org, "Clinic " + org, state, c,
                claimAfterMin == null ? null : c.plus(Duration.ofMinutes(claimAfterMin)),
                decideAfterMin == null ? null : c.plus(Duration.ofMinutes(decideAfterMin)),
                CaseFact.CLAIMED.equals(state) ? consultant : null,
                decideAfterMin == null ? null : consultant);
    }

    private static final List<CaseFact> CASES = List.of(
            fact("n", CaseFact.DECLINED, "2026-11-01T08:00:00Z", 5, 20, "Dr A"),
            fact("n", CaseFact.ANSWERED, "2026-11-01T09:00:00Z", 10, 40, "Dr A"),
            fact("n", CaseFact.FULL_STUDY_REQUESTED, "2026-11-01T10:00:00Z", 45, 60, "Dr B"),
            fact("s", CaseFact.FULL_STUDY_REQUESTED, "2026-11-03T10:00:00Z", 20, 25, "Dr B"),
            fact("s", CaseFact.CLAIMED, "2026-11-03T11:00:00Z", 15, null, "Dr A"),
            fact("s", CaseFact.SUBMITTED, "2026-11-03T23:00:00Z", null, null, null),
            fact("s", CaseFact.CANCELLED, "2026-11-03T23:10:00Z", null, null, null));

    @Test
    void countsOutcomesSharesAndBreaches() {
        Workload w = WorkloadCalculator.compute(CASES, false, LIMIT, FROM, TO, NOW, StageTwoFigures.NONE);
        Workload.Totals t = w.totals();
        assertEquals(7, t.submitted());
        assertEquals(2, t.open());
        assertEquals(1, t.declined());
        assertEquals(1, t.answered());
        assertEquals(2, t.fullStudy());
        assertEquals(1, t.cancelled());
        assertEquals(4, t.decided());
        assertEquals(0.5, t.fullStudyShare());
        // claimed after 45 min, and one still unclaimed 13 h later; the cancelled one is not a breach
        assertEquals(2, t.overdueBreaches());
        assertEquals(30.0, w.triageLimitMinutes());
        assertEquals(1, w.byState().get("SUBMITTED"));
        assertEquals(2, w.byState().get("FULL_STUDY_REQUESTED"));
        assertFalse(w.stageTwo().available());
    }

    @Test
    void everyDayOfThePeriodIsListedEmptyOnesToo() {
        Workload w = WorkloadCalculator.compute(CASES, false, LIMIT, FROM, TO, NOW, StageTwoFigures.NONE);
        assertEquals(List.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"),
                LocalDate.parse("2026-11-03")), w.periods().stream().map(Workload.Period::day).toList());
        Workload.Period first = w.periods().get(0);
        assertEquals(3, first.submitted());
        assertEquals(1, first.fullStudy());
        assertEquals(1, first.overdueBreaches());
        assertEquals(0, w.periods().get(1).submitted());
    }

    @Test
    void organisationsWithTheirRealShareOfFullStudies() {
        Workload w = WorkloadCalculator.compute(CASES, false, LIMIT, FROM, TO, NOW, StageTwoFigures.NONE);
        Workload.OrganisationOutcomes south = w.organisations().get(0);
        assertEquals("s", south.organisationId());
        assertEquals(4, south.submitted());
        assertEquals(1.0, south.fullStudyShare());
        Workload.OrganisationOutcomes north = w.organisations().get(1);
        assertEquals(0.333, north.fullStudyShare());
    }

    @Test
    void timesAgainstTheLimit() {
        Workload w = WorkloadCalculator.compute(CASES, false, LIMIT, FROM, TO, NOW, StageTwoFigures.NONE);
        Workload.Times claim = w.timeToClaim();
        assertEquals(5, claim.count());
        assertEquals(15.0, claim.medianMinutes());
        assertEquals(45.0, claim.maxMinutes());
        assertEquals(4, claim.withinLimit());
        assertEquals(1, claim.overLimit());
        assertEquals(5, claim.histogram().stream().mapToInt(Workload.Bin::count).sum());
        assertEquals(60.0, claim.histogram().get(claim.histogram().size() - 1).fromMinutes());
        assertNull(claim.histogram().get(claim.histogram().size() - 1).toMinutes());
        Workload.Times decision = w.timeToDecision();
        assertEquals(4, decision.count());
        assertEquals(32.5, decision.medianMinutes());
        assertEquals(2, decision.overLimit());
    }

    @Test
    void loadPerConsultant() {
        Workload w = WorkloadCalculator.compute(CASES, false, LIMIT, FROM, TO, NOW, StageTwoFigures.NONE);
        Workload.ConsultantLoad a = w.consultants().get(0);
        assertEquals("Dr A", a.name());
        assertEquals(1, a.holding());
        assertEquals(2, a.decided());
        assertEquals(30.0, a.medianDecisionMinutes());
        Workload.ConsultantLoad b = w.consultants().get(1);
        assertEquals(2, b.fullStudy());
    }

    @Test
    void anEmptyPeriodHasNoFiguresButAllItsDays() {
        Workload w = WorkloadCalculator.compute(List.of(), false, LIMIT, FROM, TO, NOW, StageTwoFigures.NONE);
        assertEquals(0, w.totals().submitted());
        assertNull(w.totals().fullStudyShare());
        assertNull(w.timeToClaim().medianMinutes());
        assertEquals(3, w.periods().size());
        assertTrue(w.consultants().isEmpty());
    }
}
