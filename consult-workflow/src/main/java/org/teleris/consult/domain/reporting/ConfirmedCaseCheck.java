package org.teleris.consult.domain.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * "Clinically confirmed case" (CLINICAL.md): acute respiratory infection with no other known cause,
 * body temperature above 37.5 °C, one or more of cough, shortness of breath, SpO2 ≤ 95 %, catarrhal
 * symptoms, weakness or headache, anosmia, diarrhoea, together with typical chest CT features.
 */
public final class ConfirmedCaseCheck {

    private final SeverityTable table;

    public ConfirmedCaseCheck(SeverityTable table) {
        this.table = table;
    }

    public static ConfirmedCaseCheck standard() {
        return new ConfirmedCaseCheck(SeverityTable.standard());
    }

    /** The outcome, with the criteria that are not met (empty when confirmed). */
    public record Result(boolean confirmed, List<String> missing) {
        public Result {
            missing = List.copyOf(missing);
        }
    }

    public Result check(ClinicalPicture clinical, ImagingFindings imaging) {
        List<String> missing = new ArrayList<>();
        if (clinical.otherCauseKnown()) {
            missing.add("no-other-cause");
        }
        if (!feverAbove(clinical)) {
            missing.add("temperature");
        }
        if (!symptomOrLowSpo2(clinical)) {
            missing.add("symptom");
        }
        if (imaging == null || !imaging.typicalFeatures()) {
            missing.add("typical-ct-features");
        }
        return new Result(missing.isEmpty(), missing);
    }

    boolean clinicalCriteria(ClinicalPicture clinical) {
        return !clinical.otherCauseKnown() && feverAbove(clinical) && symptomOrLowSpo2(clinical);
    }

    private boolean feverAbove(ClinicalPicture clinical) {
        return clinical.temperatureC() != null && BigDecimal.valueOf(clinical.temperatureC())
                .compareTo(table.threshold("confirmed.temperature.above")) > 0;
    }

    private boolean symptomOrLowSpo2(ClinicalPicture clinical) {
        return !clinical.symptoms().isEmpty() || (clinical.spo2() != null && BigDecimal.valueOf(clinical.spo2())
                .compareTo(table.threshold("ct3.spo2.max")) <= 0);
    }
}
