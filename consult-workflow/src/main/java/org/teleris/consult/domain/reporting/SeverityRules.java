package org.teleris.consult.domain.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposes a CT class from the imaging findings and the clinical data, by the severity table; the
 * expert decides. How the table's overlapping bounds are read (docs/reporting.md):
 * <ul>
 * <li>Involvement: CT-1 up to and including 25 %, CT-2 above 25 up to and including 50 %, CT-3 above
 * 50 and below 75 %, CT-4 from 75 %. No involvement is CT-1 with a typical clinical picture and an
 * epidemiological history, else CT-0; no viral-pneumonia feature at all is CT-0.</li>
 * <li>Follow-up: involvement that grew by half or more (relative) within 48 h is at least CT-3.</li>
 * <li>Clinical data: the most severe row with a met threshold counts. CT-4: shock, multiple organ
 * failure or respiratory failure. CT-3: RR ≥ 30, PaO2/FiO2 ≤ 300, SpO2 below 95 % or SpO2 95 % on
 * top of fever (t° > 38.5 °C). CT-2: t° > 38.5 °C, RR 20-30, SpO2 95 %. CT-1: every given value
 * mild (t° < 38.0 °C, RR < 20, SpO2 > 95 %). Between 38.0 and 38.5 °C the table names no row.</li>
 * <li>The proposal is the more severe of the imaging and the clinical class; clinical data alone
 * never turn a study without pneumonia (CT-0) into a class.</li>
 * </ul>
 */
public final class SeverityRules {

    private final SeverityTable table;

    public SeverityRules(SeverityTable table) {
        this.table = table;
    }

    public static SeverityRules standard() {
        return new SeverityRules(SeverityTable.standard());
    }

    public SeverityProposal propose(ImagingFindings imaging, ClinicalPicture clinical) {
        List<SeverityProposal.AppliedThreshold> applied = new ArrayList<>();
        CtClass imagingClass = imagingClass(imaging, clinical, applied);
        CtClass clinicalClass = clinicalClass(clinical, applied);
        CtClass proposed = imagingClass == CtClass.CT0 || clinicalClass == null ? imagingClass
                : CtClass.max(imagingClass, clinicalClass);
        return new SeverityProposal(proposed, imagingClass, clinicalClass, applied);
    }

    /** The row the clinical data alone point to (null for none): the worklist's priority reads it. */
    public CtClass clinicalClassOf(ClinicalPicture clinical) {
        return clinicalClass(clinical, new ArrayList<>());
    }

    private CtClass imagingClass(ImagingFindings imaging, ClinicalPicture clinical,
                                 List<SeverityProposal.AppliedThreshold> applied) {
        BigDecimal ct1Max = table.threshold("involvement.ct1.max");
        BigDecimal ct2Max = table.threshold("involvement.ct2.max");
        BigDecimal ct4Min = table.threshold("involvement.ct4.min");
        if (!imaging.pneumonia()) {
            add(applied, "not-pneumonia", CtClass.CT0, "imaging");
            return CtClass.CT0;
        }
        BigDecimal involvement = BigDecimal.valueOf(imaging.involvement());
        CtClass byInvolvement;
        if (involvement.signum() == 0) {
            if (!typicalClinicalPicture(clinical) || !Boolean.TRUE.equals(clinical.epidemiologicalContact())) {
                add(applied, "not-pneumonia", CtClass.CT0, "imaging");
                return CtClass.CT0;
            }
            add(applied, "involvement.none", CtClass.CT1, "imaging");
            byInvolvement = CtClass.CT1;
        } else if (involvement.compareTo(ct1Max) <= 0) {
            add(applied, "involvement.ct1", CtClass.CT1, "imaging", ct1Max);
            byInvolvement = CtClass.CT1;
        } else if (involvement.compareTo(ct2Max) <= 0) {
            add(applied, "involvement.ct2", CtClass.CT2, "imaging", ct1Max, ct2Max);
            byInvolvement = CtClass.CT2;
        } else if (involvement.compareTo(ct4Min) < 0) {
            add(applied, "involvement.ct3", CtClass.CT3, "imaging", ct2Max, ct4Min);
            byInvolvement = CtClass.CT3;
        } else {
            add(applied, "involvement.ct4", CtClass.CT4, "imaging", ct4Min);
            byInvolvement = CtClass.CT4;
        }
        if (grewFast(imaging)) {
            add(applied, "dynamics", CtClass.CT3, "imaging", table.threshold("dynamics.hours.max"));
            return CtClass.max(byInvolvement, CtClass.CT3);
        }
        return byInvolvement;
    }

    /** Relative growth by at least the table's share within its window (faster growth counts too). */
    boolean grewFast(ImagingFindings imaging) {
        if (imaging.previousTotalPct() == null || imaging.hoursSincePrevious() == null
                || imaging.involvementTotalPct() == null || imaging.previousTotalPct() == 0) {
            return false;
        }
        if (BigDecimal.valueOf(imaging.hoursSincePrevious()).compareTo(table.threshold("dynamics.hours.max")) > 0) {
            return false;
        }
        BigDecimal previous = BigDecimal.valueOf(imaging.previousTotalPct());
        BigDecimal needed = previous.add(previous.multiply(table.threshold("dynamics.growth")));
        return BigDecimal.valueOf(imaging.involvementTotalPct()).compareTo(needed) >= 0;
    }

    private CtClass clinicalClass(ClinicalPicture c, List<SeverityProposal.AppliedThreshold> applied) {
        BigDecimal t = c.temperatureC() == null ? null : BigDecimal.valueOf(c.temperatureC());
        BigDecimal rr = c.respiratoryRate() == null ? null : BigDecimal.valueOf(c.respiratoryRate());
        BigDecimal spo2 = c.spo2() == null ? null : BigDecimal.valueOf(c.spo2());
        BigDecimal pf = c.pao2Fio2() == null ? null : BigDecimal.valueOf(c.pao2Fio2());
        BigDecimal feverAbove = table.threshold("ct2.temperature.above");
        boolean fever = t != null && t.compareTo(feverAbove) > 0;
        CtClass result = null;

        if (c.shock() || c.multipleOrganFailure() || c.respiratoryFailure()) {
            add(applied, "ct4.failure", CtClass.CT4, "clinical");
            result = CtClass.CT4;
        }
        BigDecimal ct3Rr = table.threshold("ct3.rr.min");
        BigDecimal ct3Spo2 = table.threshold("ct3.spo2.max");
        BigDecimal ct3Pf = table.threshold("ct3.pf.max");
        boolean ct3 = false;
        if (rr != null && rr.compareTo(ct3Rr) >= 0) {
            add(applied, "ct3.rr", CtClass.CT3, "clinical", ct3Rr);
            ct3 = true;
        }
        if (spo2 != null && (spo2.compareTo(ct3Spo2) < 0 || (fever && spo2.compareTo(ct3Spo2) <= 0))) {
            add(applied, "ct3.spo2", CtClass.CT3, "clinical", ct3Spo2, feverAbove);
            ct3 = true;
        }
        if (pf != null && pf.compareTo(ct3Pf) <= 0) {
            add(applied, "ct3.pf", CtClass.CT3, "clinical", ct3Pf);
            ct3 = true;
        }
        if (ct3) {
            result = max(result, CtClass.CT3);
        }
        boolean ct2 = false;
        if (fever) {
            add(applied, "ct2.temperature", CtClass.CT2, "clinical", feverAbove);
            ct2 = true;
        }
        BigDecimal ct2RrMin = table.threshold("ct2.rr.min");
        BigDecimal ct2RrMax = table.threshold("ct2.rr.max");
        if (rr != null && rr.compareTo(ct2RrMin) >= 0 && rr.compareTo(ct2RrMax) <= 0) {
            add(applied, "ct2.rr", CtClass.CT2, "clinical", ct2RrMin, ct2RrMax);
            ct2 = true;
        }
        BigDecimal ct2Spo2 = table.threshold("ct2.spo2.equals");
        if (spo2 != null && spo2.compareTo(ct2Spo2) == 0) {
            add(applied, "ct2.spo2", CtClass.CT2, "clinical", ct2Spo2);
            ct2 = true;
        }
        if (ct2) {
            result = max(result, CtClass.CT2);
        }
        BigDecimal ct1T = table.threshold("ct1.temperature.below");
        BigDecimal ct1Rr = table.threshold("ct1.rr.below");
        BigDecimal ct1Spo2 = table.threshold("ct1.spo2.above");
        boolean anyGiven = t != null || rr != null || spo2 != null;
        boolean allMild = (t == null || t.compareTo(ct1T) < 0) && (rr == null || rr.compareTo(ct1Rr) < 0)
                && (spo2 == null || spo2.compareTo(ct1Spo2) > 0) && pf == null;
        if (anyGiven && allMild && result == null) {
            add(applied, "ct1.mild", CtClass.CT1, "clinical", ct1T, ct1Rr, ct1Spo2);
            result = CtClass.CT1;
        }
        return result;
    }

    private static CtClass max(CtClass current, CtClass candidate) {
        return current == null ? candidate : CtClass.max(current, candidate);
    }

    /** Fever above the confirmed-case limit and at least one of the listed symptoms (or SpO2 ≤ 95 %). */
    boolean typicalClinicalPicture(ClinicalPicture c) {
        return new ConfirmedCaseCheck(table).clinicalCriteria(c);
    }

    private void add(List<SeverityProposal.AppliedThreshold> applied, String id, CtClass row, String kind,
                     Object... numbers) {
        Object[] plain = java.util.Arrays.stream(numbers)
                .map(n -> n instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : n).toArray();
        applied.add(new SeverityProposal.AppliedThreshold(id, row, kind, table.thresholdText(id, Lang.EN, plain),
                table.thresholdText(id, Lang.RU, plain)));
    }
}
