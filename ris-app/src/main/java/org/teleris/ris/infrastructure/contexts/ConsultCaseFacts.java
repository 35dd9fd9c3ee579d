package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.stream.Collectors;
import org.teleris.consult.application.reporting.CaseFacts;
import org.teleris.triage.domain.ClinicalData;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;

/** Gives stage II what stage I knows of a case (question, modality, clinical data) as plain values. */
@ApplicationScoped
public class ConsultCaseFacts implements CaseFacts {

    @Inject
    TriageCaseRepository cases;

    @Override
    public Optional<Facts> of(String caseId) {
        return cases.find(caseId).map(ConsultCaseFacts::facts);
    }

    static Facts facts(TriageCase c) {
        ClinicalData d = c.clinical().orElse(null);
        return new Facts(c.organisationName(), c.question(), c.modality().name(), c.bodyPart().name(),
                d == null ? null : d.temperatureC(), d == null ? null : d.respiratoryRate(),
                d == null ? null : d.spo2(), d == null ? null : d.pao2Fio2(), d == null ? null : d.daysSinceOnset(),
                d == null ? java.util.Set.of() : d.symptoms().stream().map(Enum::name).collect(Collectors.toSet()),
                d == null || d.pcr() == null ? null : d.pcr().name(), d == null ? null : d.epidemiologicalContact());
    }
}
