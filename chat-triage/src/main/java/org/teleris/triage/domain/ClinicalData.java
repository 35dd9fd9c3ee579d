package org.teleris.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clinical data the severity table needs, as the requesting doctor knows them; every value is
 * optional. Values outside what a living patient can show are refused as typing mistakes.
 */
@Embeddable
public class ClinicalData {

    @Column(name = "temperature_c")
    private Double temperatureC;

    @Column(name = "respiratory_rate")
    private Integer respiratoryRate;

    @Column(name = "spo2")
    private Integer spo2;

    @Column(name = "pao2_fio2")
    private Integer pao2Fio2;

    @Column(name = "days_since_onset")
    private Integer daysSinceOnset;

    /** Comma-separated {@link Symptom} names; kept as text so the value object stays one row. */
    @Column(name = "symptoms")
    private String symptoms;

    @Enumerated(EnumType.STRING)
    @Column(name = "pcr_result")
    private PcrResult pcr;

    @Column(name = "epidemiological_contact")
    private Boolean epidemiologicalContact;

    protected ClinicalData() {
    }

    public ClinicalData(Double temperatureC, Integer respiratoryRate, Integer spo2, Integer pao2Fio2,
                        Integer daysSinceOnset, Set<Symptom> symptoms, PcrResult pcr,
                        Boolean epidemiologicalContact) {
        this.temperatureC = within(temperatureC, 30.0, 45.0, "body temperature (°C)");
        this.respiratoryRate = within(respiratoryRate, 0, 80, "respiratory rate (/min)");
        this.spo2 = within(spo2, 50, 100, "SpO2 (%)");
        this.pao2Fio2 = within(pao2Fio2, 20, 700, "PaO2/FiO2 (mmHg)");
        this.daysSinceOnset = within(daysSinceOnset, 0, 365, "days since onset");
        this.symptoms = symptoms == null || symptoms.isEmpty() ? null
                : EnumSet.copyOf(symptoms).stream().map(Enum::name).collect(Collectors.joining(","));
        this.pcr = pcr;
        this.epidemiologicalContact = epidemiologicalContact;
    }

    private static <T extends Number & Comparable<T>> T within(T value, T min, T max, String what) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max);
        }
        return value;
    }

    public boolean isEmpty() {
        return temperatureC == null && respiratoryRate == null && spo2 == null && pao2Fio2 == null
                && daysSinceOnset == null && symptoms == null && pcr == null && epidemiologicalContact == null;
    }

    public Double temperatureC() {
        return temperatureC;
    }

    public Integer respiratoryRate() {
        return respiratoryRate;
    }

    public Integer spo2() {
        return spo2;
    }

    public Integer pao2Fio2() {
        return pao2Fio2;
    }

    public Integer daysSinceOnset() {
        return daysSinceOnset;
    }

    public Set<Symptom> symptoms() {
        return symptoms == null ? Collections.emptySet() : Arrays.stream(symptoms.split(","))
                .map(Symptom::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Symptom.class)));
    }

    public PcrResult pcr() {
        return pcr;
    }

    public Boolean epidemiologicalContact() {
        return epidemiologicalContact;
    }
}
