package org.teleris.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TriageCaseTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");

    private static Participant of(Participant.Role role, String organisation) {
        return new Participant("user-1", "someone", "Dr Someone", role, organisation, "Org " + organisation);
    }

    @Test
    void aDoctorSubmitsForTheirOwnOrganisation() {
        TriageCase submitted = TriageCase.submit(of(Participant.Role.DOCTOR, "north"), "  Bilateral GGO?  ",
                Modality.CT, BodyPart.CHEST, NOW);
        assertEquals("north", submitted.organisationId());
        assertEquals("Org north", submitted.organisationName());
        assertEquals("Bilateral GGO?", submitted.question());
        assertEquals(CaseState.SUBMITTED, submitted.state());
        assertEquals("Dr Someone", submitted.createdByName());
        assertEquals(Instant.parse("2026-11-23T10:15:30.123Z"), submitted.createdAt());
    }

    @ParameterizedTest
    @EnumSource(value = Participant.Role.class, names = {"CONSULTANT", "EXPERT", "ADMIN"})
    void onlyDoctorsSubmit(Participant.Role role) {
        assertThrows(IllegalStateException.class,
                () -> TriageCase.submit(of(role, "centre"), "question", Modality.CT, BodyPart.CHEST, NOW));
    }

    @Test
    void theQuestionMustSaySomethingAndNotTooMuch() {
        Participant doctor = of(Participant.Role.DOCTOR, "north");
        assertThrows(IllegalArgumentException.class,
                () -> TriageCase.submit(doctor, " \n ", Modality.CT, BodyPart.CHEST, NOW));
        assertThrows(IllegalArgumentException.class, () -> TriageCase.submit(doctor,
                "x".repeat(TriageCase.MAX_QUESTION_LENGTH + 1), Modality.CT, BodyPart.CHEST, NOW));
        assertThrows(NullPointerException.class, () -> TriageCase.submit(doctor, "q", null, BodyPart.CHEST, NOW));
    }

    @Test
    void doctorsSeeTheirOwnOrganisationAndTheReferenceCentreSeesAll() {
        assertTrue(of(Participant.Role.DOCTOR, "north").maySee("north"));
        assertFalse(of(Participant.Role.DOCTOR, "north").maySee("south"));
        for (Participant.Role role : new Participant.Role[] {Participant.Role.CONSULTANT, Participant.Role.EXPERT,
                Participant.Role.ADMIN}) {
            assertTrue(of(role, "centre").maySee("south"), role.name());
        }
    }
}
