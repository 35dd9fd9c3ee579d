package org.teleris.triage.interfaces;

import java.util.Set;
import org.teleris.triage.domain.ClinicalData;
import org.teleris.triage.domain.PcrResult;
import org.teleris.triage.domain.Symptom;

/** Inbound clinical data; every field optional, the ranges are checked by {@link ClinicalData}. */
public class ClinicalDataRequest {
    public Double temperatureC;
    public Integer respiratoryRate;
    public Integer spo2;
    public Integer pao2Fio2;
    public Integer daysSinceOnset;
    public Set<Symptom> symptoms;
    public PcrResult pcr;
    public Boolean epidemiologicalContact;

    ClinicalData toClinicalData() {
        return new ClinicalData(temperatureC, respiratoryRate, spo2, pao2Fio2, daysSinceOnset, symptoms, pcr,
                epidemiologicalContact);
    }
}
