package org.teleris.consult.domain.reporting;

import java.util.EnumSet;
import java.util.Set;

/**
 * The clinical data the severity table and the confirmed-case rule read; every value optional.
 * Numbers come from the requesting doctor (stage I); the failure flags and "another cause known"
 * are the expert's, recorded in the report.
 */
public record ClinicalPicture(Double temperatureC, Integer respiratoryRate, Integer spo2, Integer pao2Fio2,
                              Set<Symptom> symptoms, Boolean epidemiologicalContact, boolean shock,
                              boolean multipleOrganFailure, boolean respiratoryFailure, boolean otherCauseKnown) {

    public static final ClinicalPicture NONE = new ClinicalPicture(null, null, null, null, Set.of(), null, false,
            false, false, false);

    public ClinicalPicture {
        symptoms = symptoms == null || symptoms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(symptoms));
    }

    public static ClinicalPicture vitals(Double temperatureC, Integer respiratoryRate, Integer spo2, Integer pao2Fio2) {
        return new ClinicalPicture(temperatureC, respiratoryRate, spo2, pao2Fio2, Set.of(), null, false, false, false,
                false);
    }

    public ClinicalPicture withSymptoms(Set<Symptom> s, Boolean contact) {
        return new ClinicalPicture(temperatureC, respiratoryRate, spo2, pao2Fio2, s, contact, shock,
                multipleOrganFailure, respiratoryFailure, otherCauseKnown);
    }

    public ClinicalPicture withExpertFlags(boolean shock, boolean organFailure, boolean respiratoryFailure,
                                           boolean otherCause) {
        return new ClinicalPicture(temperatureC, respiratoryRate, spo2, pao2Fio2, symptoms, epidemiologicalContact,
                shock, organFailure, respiratoryFailure, otherCause);
    }
}
