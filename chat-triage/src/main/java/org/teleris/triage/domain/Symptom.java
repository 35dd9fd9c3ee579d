package org.teleris.triage.domain;

/** The symptoms the severity table and the "clinically confirmed case" rule ask about. */
public enum Symptom {
    COUGH,
    SHORTNESS_OF_BREATH,
    CATARRHAL,
    WEAKNESS,
    HEADACHE,
    ANOSMIA,
    DIARRHOEA
}
