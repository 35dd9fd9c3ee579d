package org.teleris.consult.application.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teleris.consult.domain.reporting.Actor;
import org.teleris.consult.domain.reporting.ConsultReport;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.ReportState;
import org.teleris.consult.domain.reporting.ReportVersion;
import org.teleris.consult.domain.reporting.ReportingTimeLimits;
import org.teleris.consult.domain.reporting.SeverityRules;

/** The demo period's stage II reports obey the reporting rules and give the dashboard every kind of figure. */
class DemoReportingHistoryTest {

    private static final List<Actor> EXPERTS = List.of(
            new Actor("u-expert", "expert", "Expert One", Actor.Kind.EXPERT, "centre"),
            new Actor("u-expert2", "expert2", "Expert Two", Actor.Kind.EXPERT, "centre"));

    private static final List<DemoReportingHistory.Played> PLAYED = new ArrayList<>();

    @BeforeAll
    static void playAPeriod() {
        Random random = new Random(42);
        ReportingTimeLimits limits = ReportingTimeLimits.parse(ReportingTimeLimits.DEFAULTS);
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        for (int i = 0; i < 300; i++) {
            DemoReportingHistory.DemoStudy study = new DemoReportingHistory.DemoStudy("case-" + i, "org-north",
                    "Northern Regional Clinic", "Ground glass?", start.plus(Duration.ofMinutes(97L * i)));
            PLAYED.add(DemoReportingHistory.play(study, EXPERTS, SeverityRules.standard(), limits, random));
        }
    }

    @Test
    void everyReportIsDeliveredAfterItWasReceivedWithItsVersionsInOrder() {
        for (DemoReportingHistory.Played p : PLAYED) {
            ConsultReport r = p.report();
            assertEquals(ReportState.DELIVERED, r.state());
            assertTrue(r.deliveredAt().isAfter(r.receivedAt()));
            assertEquals(p.versions().size(), r.versionCount());
            for (int i = 0; i < p.versions().size(); i++) {
                assertEquals(i + 1, p.versions().get(i).number());
                assertEquals(r.id(), p.versions().get(i).reportId());
            }
            assertFalse(p.history().isEmpty());
            assertTrue(r.receivedAt().isAfter(Instant.parse("2026-11-01T08:00:00Z")));
        }
    }

    @Test
    void viralPneumoniaIsReadTwiceByAnotherExpertAndOnlyAnAgreementDelivers() {
        for (DemoReportingHistory.Played p : PLAYED) {
            ReportVersion last = p.versions().get(p.versions().size() - 1);
            CtClass ctClass = last.content().ctClass();
            if (ctClass.needsSecondRead()) {
                assertEquals(Boolean.TRUE, last.secondReadAgrees());
                assertNotEquals(last.signedByName(), last.secondReaderName());
                assertEquals(last.secondReadAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                        p.report().deliveredAt());
                for (ReportVersion earlier : p.versions().subList(0, p.versions().size() - 1)) {
                    assertEquals(Boolean.FALSE, earlier.secondReadAgrees());
                    assertNotNull(earlier.secondReadComment());
                }
            } else {
                assertEquals(1, p.versions().size());
                assertNull(last.secondReadAt());
            }
        }
    }

    @Test
    void aBreachIsMarkedExactlyWhenTheReportWasStillOpenAMinutePastItsDueTime() {
        int breached = 0;
        for (DemoReportingHistory.Played p : PLAYED) {
            ConsultReport r = p.report();
            if (r.deliveredAt().isAfter(r.dueAt().plus(Duration.ofMinutes(1)))) {
                assertNotNull(r.breachedAt(), r.id());
                breached++;
            }
            if (r.breachedAt() != null) {
                assertTrue(r.deliveredAt().isAfter(r.dueAt()));
            }
        }
        assertTrue(breached > 0 && breached < PLAYED.size() / 3, "breaches: " + breached);
    }

    @Test
    void thePeriodHoldsEveryClassDisagreementsWithTheProposalAndSecondReadDisagreements() {
        Map<CtClass, Integer> classes = new EnumMap<>(CtClass.class);
        int disagreeProposal = 0;
        int secondReadDisagreements = 0;
        for (DemoReportingHistory.Played p : PLAYED) {
            ReportVersion last = p.versions().get(p.versions().size() - 1);
            classes.merge(last.content().ctClass(), 1, Integer::sum);
            if (last.disagreesWithProposal()) {
                disagreeProposal++;
                assertNotNull(last.content().disagreementComment());
            }
            secondReadDisagreements += p.versions().size() - 1;
        }
        assertEquals(CtClass.values().length, classes.size(), classes.toString());
        assertTrue(disagreeProposal > 0, "no disagreement with the proposal");
        assertTrue(secondReadDisagreements > 0, "no second-read disagreement");
    }
}
