package org.teleris.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClinicalDataAndTimeLimitTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");
    private final Participant doctor = new Participant("d", "d", "Dr D", Participant.Role.DOCTOR, "north", "North");
    private final Participant consultant = new Participant("c", "c", "Dr C", Participant.Role.CONSULTANT, "centre",
            "Centre");

    @Test
    void clinicalDataKeepItsValuesAndSymptoms() {
        ClinicalData data = new ClinicalData(38.6, 24, 94, 280, 6,
                EnumSet.of(Symptom.ANOSMIA, Symptom.COUGH), PcrResult.PENDING, true);
        assertEquals(38.6, data.temperatureC());
        assertEquals(Set.of(Symptom.COUGH, Symptom.ANOSMIA), data.symptoms());
        assertFalse(data.isEmpty());
        assertTrue(new ClinicalData(null, null, null, null, null, Set.of(), null, null).isEmpty());
    }

    @Test
    void valuesNoPatientCanHaveAreTypingMistakes() {
        assertThrows(IllegalArgumentException.class, () -> new ClinicalData(386.0, null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ClinicalData(null, -1, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ClinicalData(null, null, 101, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ClinicalData(null, null, null, 0, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ClinicalData(null, null, null, null, 400, null, null, null));
        assertEquals(45.0, new ClinicalData(45.0, 80, 100, 700, 365, null, null, null).temperatureC(), "bounds are included");
    }

    @Test
    void anEmptyClinicalRecordIsNotKept() {
        TriageCase c = TriageCase.submit(doctor, "q", Modality.CT, BodyPart.CHEST,
                new ClinicalData(null, null, null, null, null, null, null, null), T);
        assertTrue(c.clinical().isEmpty());
    }

    @Test
    void aCaseIsOverdueOnlyWhileWaitingPastTheLimit() {
        TriageTimeLimit limit = new TriageTimeLimit(Duration.ofMinutes(30));
        TriageCase c = TriageCase.submit(doctor, "q", Modality.CT, BodyPart.CHEST, T);
        assertEquals(T.plus(Duration.ofMinutes(30)), limit.deadline(c));
        assertFalse(limit.isOverdue(c, T.plus(Duration.ofMinutes(30))));
        assertTrue(limit.isOverdue(c, T.plus(Duration.ofMinutes(30)).plusMillis(1)));
        c.claim(consultant, true, T.plus(Duration.ofMinutes(40)));
        assertFalse(limit.isOverdue(c, T.plus(Duration.ofHours(2))), "a claimed case is no longer waiting");
        assertThrows(IllegalArgumentException.class, () -> new TriageTimeLimit(Duration.ZERO));
    }

    @Test
    void theOverdueAlertIsRaisedOnce() {
        TriageCase c = TriageCase.submit(doctor, "q", Modality.CT, BodyPart.CHEST, T);
        assertTrue(c.markOverdueAlerted(T.plusSeconds(3600)));
        assertFalse(c.markOverdueAlerted(T.plusSeconds(3700)));
        TriageCase claimed = TriageCase.submit(doctor, "q", Modality.CT, BodyPart.CHEST, T);
        claimed.claim(consultant, true, T);
        assertFalse(claimed.markOverdueAlerted(T.plusSeconds(3600)));
    }
}
