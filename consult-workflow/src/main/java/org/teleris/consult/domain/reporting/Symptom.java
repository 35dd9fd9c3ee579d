package org.teleris.consult.domain.reporting;

/** Symptoms the "clinically confirmed case" rule asks about (same names as stage I's). */
public enum Symptom {
    COUGH, SHORTNESS_OF_BREATH, CATARRHAL, WEAKNESS, HEADACHE, ANOSMIA, DIARRHOEA
}
