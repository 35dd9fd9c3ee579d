package org.teleris.consult.infrastructure.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.consult.domain.reporting.Actor;
import org.teleris.consult.domain.reporting.ClinicalPicture;
import org.teleris.consult.domain.reporting.ConsultReport;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.Dynamics;
import org.teleris.consult.domain.reporting.HydrothoraxSide;
import org.teleris.consult.domain.reporting.ReportDraft;
import org.teleris.consult.domain.reporting.ReportHistoryEntry;
import org.teleris.consult.domain.reporting.ReportState;
import org.teleris.consult.domain.reporting.ReportVersion;
import org.teleris.consult.domain.reporting.ReportingTimeLimits;
import org.teleris.consult.domain.reporting.SeverityRules;
import org.teleris.consult.domain.reporting.StudyContext;
import org.teleris.consult.domain.reporting.Symptom;
import org.teleris.ris.infrastructure.persistence.TestDatabase;

/** Reports, versions, addenda and history through the repository, on H2 and PostgreSQL. */
class ReportingPersistenceTest {

    static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
    static final Actor E1 = new Actor("e1", "expert", "Эксперт Один", Actor.Kind.EXPERT, "ref");
    static final Actor E2 = new Actor("e2", "expert2", "Expert Two", Actor.Kind.EXPERT, "ref");

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void aReportKeepsItsDraftVersionsAddendaAndHistory(String kind) {
        SeverityRules rules = SeverityRules.standard();
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            String id = db.inTransaction("consult", em -> {
                JpaReportRepository repo = new JpaReportRepository(em);
                ConsultReport r = ConsultReport.receive(new StudyContext("case-1", "s-1", "org-1", "Северная",
                        "2.25.1", 2, 100, "Вирусная пневмония?", "CT", "CHEST",
                        ClinicalPicture.vitals(38.7, 24, 95, 310).withSymptoms(Set.of(Symptom.COUGH), true), 4,
                        "PENDING"), ReportingTimeLimits.parse(null), rules, T);
                repo.add(r);
                repo.addHistory(new ReportHistoryEntry(r, "system", ReportHistoryEntry.RECEIVED, null, T));
                r.claim(E1, T);
                r.saveDraft(E1, new ReportDraft(true, true, true, false, true, HydrothoraxSide.LEFT, true, true, true,
                        true, 40, 30, null, Dynamics.WORSE, 20, 36, false, false, false, false, CtClass.CT3,
                        "Рост на 50 %", "Двусторонняя пневмония", "Госпитализация"));
                repo.addVersion(r.sign(E1, rules, T.plusSeconds(5)));
                return r.id();
            });
            db.inTransaction("consult", em -> {
                JpaReportRepository repo = new JpaReportRepository(em);
                ConsultReport r = repo.findForUpdate(id).orElseThrow();
                assertEquals(ReportState.AWAITING_SECOND_READ, r.state());
                assertEquals(35, r.draft().effectiveTotalPct());
                assertEquals(HydrothoraxSide.LEFT, r.draft().hydrothoraxSide());
                assertEquals("Двусторонняя пневмония", r.draft().conclusion());
                assertEquals(Set.of(Symptom.COUGH), r.clinicalPicture().symptoms());
                ReportVersion v1 = repo.versions(id).get(0);
                r.secondRead(E2, v1, true, "Согласен", T.plusSeconds(9));
                repo.addVersion(r.addAddendum(E2, "ПЦР положительная", T.plusSeconds(20)));
                return null;
            });
            db.inTransaction("consult", em -> {
                JpaReportRepository repo = new JpaReportRepository(em);
                ConsultReport r = repo.findByCaseAndStudy("case-1", "2.25.1").orElseThrow();
                assertTrue(repo.findByCaseAndStudy("case-2", "2.25.1").isEmpty(), "another case of the same study");
                assertEquals(ReportState.DELIVERED, r.state());
                assertEquals(T.plusSeconds(9), r.deliveredAt());
                List<ReportVersion> versions = repo.versions(id);
                assertEquals(2, versions.size());
                ReportVersion v1 = versions.get(0);
                assertEquals(CtClass.CT3, v1.content().ctClass());
                assertEquals("Эксперт Один", v1.signedByName());
                assertEquals("Expert Two", v1.secondReaderName());
                assertEquals(T.plusSeconds(9), v1.secondReadAt());
                assertTrue(v1.secondReadAgrees());
                ReportVersion addendum = versions.get(1);
                assertEquals(ReportVersion.Kind.ADDENDUM, addendum.kind());
                assertNull(addendum.content());
                assertEquals("ПЦР положительная", addendum.addendumText());
                assertEquals(1, repo.history(id).size());
                assertEquals(List.of(), repo.open(10));
                assertEquals(1, repo.delivered("org-1", 10).size());
                assertEquals(0, repo.delivered("org-2", 10).size());
                // the workload dashboard's queries: received in a period, versions active in a period
                assertEquals(1, repo.receivedBetween(T, T.plusMillis(1), 10).size());
                assertEquals(0, repo.receivedBetween(T.plusMillis(1), T.plusSeconds(60), 10).size());
                assertEquals(2, repo.versionsActiveBetween(T, T.plusSeconds(60), 10).size());
                assertEquals(1, repo.versionsActiveBetween(T.plusSeconds(8), T.plusSeconds(10), 10).size(),
                        "second-read in the period, signed before it");
                assertEquals(0, repo.versionsActiveBetween(T.plusSeconds(21), T.plusSeconds(60), 10).size());
                return null;
            });
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void breachesAreFoundOnceAndCounted(String kind) {
        SeverityRules rules = SeverityRules.standard();
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.inTransaction("consult", em -> {
                JpaReportRepository repo = new JpaReportRepository(em);
                for (int i = 0; i < 2; i++) {
                    repo.add(ConsultReport.receive(new StudyContext("c" + i, null, "org-1", null, "2.25.9" + i, 1, 1,
                            null, "CT", "CHEST", null, null, null), ReportingTimeLimits.parse("ROUTINE.CHEST_CT=PT1M"),
                            rules, T.plusSeconds(i * 120L)));
                }
                return null;
            });
            db.inTransaction("consult", em -> {
                JpaReportRepository repo = new JpaReportRepository(em);
                List<ConsultReport> due = repo.dueUnmarkedBefore(T.plusSeconds(90), 10);
                assertEquals(1, due.size());
                assertTrue(repo.findForUpdate(due.get(0).id()).orElseThrow().markBreached(T.plusSeconds(90)));
                return null;
            });
            db.inTransaction("consult", em -> {
                JpaReportRepository repo = new JpaReportRepository(em);
                assertEquals(0, repo.dueUnmarkedBefore(T.plusSeconds(90), 10).size());
                assertEquals(1, repo.breachCount());
                assertEquals(2, repo.open(10).size());
                return null;
            });
        }
    }
}
