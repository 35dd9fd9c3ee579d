package org.teleris.consult.application.reporting;

import java.util.Optional;
import java.util.Set;

/**
 * Port: what the triage case says about a study (question, modality, clinical data), supplied by
 * the host from stage I as plain values. Symptom and PCR values are stage I's names.
 */
public interface CaseFacts {

    Optional<Facts> of(String caseId);

    record Facts(String organisationName, String question, String modality, String bodyPart, Double temperatureC,
                 Integer respiratoryRate, Integer spo2, Integer pao2Fio2, Integer daysSinceOnset,
                 Set<String> symptoms, String pcr, Boolean epidemiologicalContact) {
    }
}
