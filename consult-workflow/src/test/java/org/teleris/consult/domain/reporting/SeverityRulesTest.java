package org.teleris.consult.domain.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Walks every row of the severity table and every clinical threshold, at and around its bounds. */
class SeverityRulesTest {

    private final SeverityRules rules = SeverityRules.standard();
    private final SeverityTable table = SeverityTable.standard();

    @ParameterizedTest
    @EnumSource(CtClass.class)
    void everyRowHasEveryColumnInBothLanguages(CtClass ctClass) {
        for (SeverityTable.Column column : SeverityTable.Column.values()) {
            for (Lang lang : Lang.values()) {
                assertFalse(table.text(ctClass, column, lang).isBlank(), ctClass + " " + column + " " + lang);
            }
        }
        assertTrue(table.routing(ctClass, Lang.RU).chars().anyMatch(ch -> ch >= 0x400 && ch <= 0x4FF),
                "Russian routing text is Cyrillic");
    }

    @Test
    void routingTextsAreTheTables() {
        assertEquals("Inform the primary care physician; refer to a specialist", table.routing(CtClass.CT0, Lang.EN));
        assertEquals("Follow-up at home with mandatory telemonitoring", table.routing(CtClass.CT1, Lang.EN));
        assertEquals("Follow-up at home by a primary care physician", table.routing(CtClass.CT2, Lang.EN));
        assertTrue(table.routing(CtClass.CT3, Lang.EN).startsWith("Immediate admission to a COVID hospital"));
        assertTrue(table.routing(CtClass.CT4, Lang.EN).startsWith("Emergency care"));
    }

    @ParameterizedTest(name = "{0} % -> {1}")
    @CsvSource({"1,CT1", "24,CT1", "25,CT1", "26,CT2", "49,CT2", "50,CT2", "51,CT3", "74,CT3", "75,CT4", "76,CT4",
            "100,CT4"})
    void involvementBoundaries(int pct, CtClass expected) {
        SeverityProposal p = rules.propose(ImagingFindings.ggo(pct), ClinicalPicture.NONE);
        assertEquals(expected, p.imagingClass());
        assertEquals(expected, p.proposed());
        assertNull(p.clinicalClass());
        assertTrue(p.applied("involvement." + expected.name().toLowerCase()), p.applied().toString());
    }

    @Test
    void noPneumoniaFeaturesIsCt0WhateverTheClinicalData() {
        ImagingFindings clear = new ImagingFindings(false, false, false, false, false, 0, null, null);
        SeverityProposal p = rules.propose(clear, ClinicalPicture.vitals(39.5, 35, 88, 200));
        assertEquals(CtClass.CT0, p.proposed());
        assertEquals(CtClass.CT3, p.clinicalClass());
        assertTrue(p.applied("not-pneumonia"));
    }

    @Test
    void noInvolvementWithTypicalPictureAndContactIsCt1ElseCt0() {
        ImagingFindings none = ImagingFindings.ggo(0);
        ClinicalPicture typical = ClinicalPicture.vitals(37.6, 18, 97, null).withSymptoms(Set.of(Symptom.COUGH), true);
        SeverityProposal p = rules.propose(none, typical);
        assertEquals(CtClass.CT1, p.imagingClass());
        assertTrue(p.applied("involvement.none"));
        assertEquals(CtClass.CT0, rules.propose(none, typical.withSymptoms(Set.of(Symptom.COUGH), false)).proposed());
        assertEquals(CtClass.CT0, rules.propose(none, typical.withSymptoms(Set.of(), true)).proposed());
        ClinicalPicture noFever = ClinicalPicture.vitals(37.5, 18, 97, null).withSymptoms(Set.of(Symptom.COUGH), true);
        assertEquals(CtClass.CT0, rules.propose(none, noFever).proposed(), "37.5 is not above 37.5");
    }

    @ParameterizedTest(name = "{0} % -> {1} % in {2} h: fast={3}")
    @CsvSource({"20,30,24,true", "20,29,24,false", "20,30,48,true", "20,30,49,false", "20,40,12,true",
            "10,15,36,true", "0,30,24,false"})
    void followUpGrowthByHalfWithin48Hours(int previous, int now, int hours, boolean fast) {
        ImagingFindings f = new ImagingFindings(true, true, false, false, false, now, previous, hours);
        SeverityProposal p = rules.propose(f, ClinicalPicture.NONE);
        assertEquals(fast, p.applied("dynamics"));
        if (fast) {
            assertEquals(CtClass.CT3, p.proposed());
        }
    }

    @Test
    void growthNeverLowersAClass() {
        ImagingFindings f = new ImagingFindings(true, true, true, true, true, 80, 40, 24);
        assertEquals(CtClass.CT4, rules.propose(f, ClinicalPicture.NONE).proposed());
    }

    // Clinical thresholds, each at its bound and either side of it.

    @ParameterizedTest(name = "t={0} -> {1}")
    @CsvSource({"37.9,CT1", "38.0,", "38.5,", "38.6,CT2"})
    void temperatureBounds(double t, CtClass expected) {
        SeverityProposal p = rules.propose(ImagingFindings.ggo(10), ClinicalPicture.vitals(t, null, null, null));
        assertEquals(expected, p.clinicalClass());
        assertEquals(expected != null && expected == CtClass.CT2, p.applied("ct2.temperature"));
        assertEquals(expected == CtClass.CT1, p.applied("ct1.mild"));
    }

    @ParameterizedTest(name = "RR={0} -> {1}")
    @CsvSource({"19,CT1", "20,CT2", "29,CT2", "30,CT3", "31,CT3"})
    void respiratoryRateBounds(int rr, CtClass expected) {
        SeverityProposal p = rules.propose(ImagingFindings.ggo(10), ClinicalPicture.vitals(null, rr, null, null));
        assertEquals(expected, p.clinicalClass());
        assertEquals(rr >= 30, p.applied("ct3.rr"));
        assertEquals(rr >= 20 && rr <= 30, p.applied("ct2.rr"));
    }

    @ParameterizedTest(name = "SpO2={0}, t={1} -> {2}")
    @CsvSource({"97,,CT1", "96,,CT1", "95,,CT2", "95,38.6,CT3", "95,38.5,CT2", "94,,CT3", "94,36.6,CT3"})
    void spo2Bounds(int spo2, Double t, CtClass expected) {
        SeverityProposal p = rules.propose(ImagingFindings.ggo(10), ClinicalPicture.vitals(t, null, spo2, null));
        assertEquals(expected, p.clinicalClass());
        assertEquals(expected == CtClass.CT3, p.applied("ct3.spo2"));
    }

    @ParameterizedTest(name = "P/F={0} -> CT-3 {1}")
    @CsvSource({"299,true", "300,true", "301,false"})
    void pao2Fio2Bound(int pf, boolean ct3) {
        SeverityProposal p = rules.propose(ImagingFindings.ggo(10), ClinicalPicture.vitals(null, null, null, pf));
        assertEquals(ct3, p.applied("ct3.pf"));
        assertEquals(ct3 ? CtClass.CT3 : null, p.clinicalClass());
        assertEquals(ct3 ? CtClass.CT3 : CtClass.CT1, p.proposed());
    }

    @Test
    void failureFlagsAreCt4() {
        ClinicalPicture shock = ClinicalPicture.NONE.withExpertFlags(true, false, false, false);
        SeverityProposal p = rules.propose(ImagingFindings.ggo(30), shock);
        assertEquals(CtClass.CT4, p.clinicalClass());
        assertEquals(CtClass.CT4, p.proposed());
        assertEquals(CtClass.CT2, p.imagingClass());
        assertEquals(CtClass.CT4, rules.propose(ImagingFindings.ggo(30),
                ClinicalPicture.NONE.withExpertFlags(false, true, false, false)).clinicalClass());
        assertEquals(CtClass.CT4, rules.propose(ImagingFindings.ggo(30),
                ClinicalPicture.NONE.withExpertFlags(false, false, true, false)).clinicalClass());
    }

    @Test
    void proposalIsTheMoreSevereOfImagingAndClinicalAndNamesBoth() {
        SeverityProposal p = rules.propose(ImagingFindings.ggo(60), ClinicalPicture.vitals(36.6, 16, 98, null));
        assertEquals(CtClass.CT3, p.proposed());
        assertEquals(CtClass.CT1, p.clinicalClass());
        assertTrue(p.applied().stream().anyMatch(a -> a.id().equals("involvement.ct3") && a.en().contains("50")
                && a.en().contains("75") && a.ru().contains("вовлечение")));
        SeverityProposal q = rules.propose(ImagingFindings.ggo(20), ClinicalPicture.vitals(39.0, 25, 95, null));
        assertEquals(CtClass.CT1, q.imagingClass());
        assertEquals(CtClass.CT3, q.clinicalClass(), "SpO2 95 % on top of fever > 38.5");
        assertEquals(CtClass.CT3, q.proposed());
    }

    @Test
    void implausibleInvolvementIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ImagingFindings.ggo(101));
        assertThrows(IllegalArgumentException.class, () -> ImagingFindings.ggo(-1));
    }

    // Clinically confirmed case.

    @Test
    void confirmedCaseNeedsFeverASymptomTypicalCtAndNoOtherCause() {
        ConfirmedCaseCheck check = ConfirmedCaseCheck.standard();
        ClinicalPicture ok = ClinicalPicture.vitals(37.6, null, null, null).withSymptoms(Set.of(Symptom.ANOSMIA), null);
        assertTrue(check.check(ok, ImagingFindings.ggo(10)).confirmed());
        assertEquals(java.util.List.of("temperature"),
                check.check(ClinicalPicture.vitals(37.5, null, null, null).withSymptoms(Set.of(Symptom.COUGH), null),
                        ImagingFindings.ggo(10)).missing());
        assertEquals(java.util.List.of("symptom"),
                check.check(ClinicalPicture.vitals(38.0, null, 96, null), ImagingFindings.ggo(10)).missing());
        assertTrue(check.check(ClinicalPicture.vitals(38.0, null, 95, null), ImagingFindings.ggo(10)).confirmed(),
                "SpO2 ≤ 95 % counts as a symptom");
        assertEquals(java.util.List.of("typical-ct-features"), check.check(ok,
                new ImagingFindings(false, false, false, true, false, 5, null, null)).missing());
        assertTrue(check.check(ok, new ImagingFindings(false, false, false, false, true, 0, null, null)).confirmed(),
                "hydrothorax is a typical feature");
        assertEquals(java.util.List.of("no-other-cause"),
                check.check(ok.withExpertFlags(false, false, false, true), ImagingFindings.ggo(10)).missing());
    }
}
