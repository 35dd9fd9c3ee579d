package org.teleris.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who may give which command, on top of what the state allows. */
class TriageWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final Participant doctor = person("d1", Participant.Role.DOCTOR, "north");
    private final Participant otherClinic = person("d2", Participant.Role.DOCTOR, "south");
    private final Participant consultant = person("c1", Participant.Role.CONSULTANT, "centre");
    private final Participant colleague = person("c2", Participant.Role.CONSULTANT, "centre");
    private final Participant expert = person("e1", Participant.Role.EXPERT, "centre");
    private final Participant admin = person("a1", Participant.Role.ADMIN, "centre");

    private static Participant person(String id, Participant.Role role, String organisation) {
        return new Participant(id, id, "Name " + id, role, organisation, "Org " + organisation);
    }

    private TriageCase submitted() {
        return TriageCase.submit(doctor, "GGO?", Modality.CT, BodyPart.CHEST, NOW);
    }

    private TriageCase claimed() {
        TriageCase c = submitted();
        c.claim(consultant, true, NOW);
        return c;
    }

    @Test
    void onlyAConsultantOnDutyClaims() {
        assertThrows(NotPermittedException.class, () -> submitted().claim(consultant, false, NOW));
        assertThrows(NotPermittedException.class, () -> submitted().claim(expert, true, NOW));
        TriageCase c = claimed();
        assertEquals(CaseState.CLAIMED, c.state());
        assertEquals("c1", c.claimedByUserId());
        assertEquals(NOW, c.claimedAt());
    }

    @Test
    void aSecondClaimIsRefusedNamingTheHolder() {
        TriageCase c = claimed();
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> c.claim(colleague, true, NOW));
        assertTrue(refused.getMessage().contains("Name c1"), refused.getMessage());
        assertEquals("c1", c.claimedByUserId(), "the holder keeps the case");
    }

    @Test
    void aRefusedClaimLeavesTheCaseUntouched() {
        TriageCase c = submitted();
        assertThrows(NotPermittedException.class, () -> c.claim(consultant, false, NOW));
        assertEquals(CaseState.SUBMITTED, c.state());
        assertNull(c.claimedByUserId());
    }

    @Test
    void theHolderOrAnAdministratorReleasesAndReassigns() {
        TriageCase c = claimed();
        assertThrows(NotPermittedException.class, () -> c.release(colleague));
        c.release(admin);
        assertEquals(CaseState.SUBMITTED, c.state());
        assertNull(c.claimedByUserId());

        TriageCase d = claimed();
        assertThrows(NotPermittedException.class, () -> d.reassign(consultant, colleague, false, NOW),
                "only to a consultant on duty");
        assertThrows(NotPermittedException.class, () -> d.reassign(consultant, expert, true, NOW));
        assertThrows(NotPermittedException.class, () -> d.reassign(consultant, consultant, true, NOW));
        d.reassign(consultant, colleague, true, NOW);
        assertEquals("c2", d.claimedByUserId());
        assertEquals(CaseState.CLAIMED, d.state());
    }

    @Test
    void onlyTheHolderDecides() {
        TriageCase c = claimed();
        assertThrows(NotPermittedException.class, () -> c.answer(colleague, "Looks viral.", NOW));
        assertThrows(NotPermittedException.class, () -> c.decline(admin, DeclineReason.ONCOLOGY, "Refer.", NOW));
        assertThrows(IllegalArgumentException.class, () -> c.answer(consultant, "  ", NOW));
        assertEquals(CaseState.CLAIMED, c.state());

        c.decline(consultant, DeclineReason.BACTERIAL_PNEUMONIA, "Lobar consolidation: treat as bacterial.", NOW);
        assertEquals(CaseState.DECLINED, c.state());
        assertEquals(DeclineReason.BACTERIAL_PNEUMONIA, c.declineReason());
        assertEquals("Name c1", c.decidedByName());
        assertThrows(IllegalTransitionException.class, () -> c.answer(consultant, "Too late.", NOW));
    }

    @Test
    void requestingTheFullStudyKeepsTheInstructions() {
        TriageCase c = claimed();
        c.requestFullStudy(consultant, "Upload the whole chest CT series, 1 mm.", NOW);
        assertEquals(CaseState.FULL_STUDY_REQUESTED, c.state());
        assertEquals("Upload the whole chest CT series, 1 mm.", c.decisionText());
    }

    @Test
    void onlyTheRequestingClinicCancels() {
        assertThrows(NotPermittedException.class, () -> submitted().cancel(otherClinic));
        assertThrows(NotPermittedException.class, () -> submitted().cancel(consultant));
        TriageCase c = claimed();
        c.cancel(doctor);
        assertEquals(CaseState.CANCELLED, c.state());
    }

    @Test
    void theClinicAndTheHolderTalkInTheCase() {
        TriageCase c = claimed();
        assertEquals("Name c1", CaseMessage.post(c, consultant, "Any PCR result?", NOW).authorName());
        CaseMessage fromDoctor = CaseMessage.post(c, doctor, "PCR pending.", NOW);
        assertEquals(Participant.Role.DOCTOR, fromDoctor.authorRole());
        assertThrows(NotPermittedException.class, () -> CaseMessage.post(c, colleague, "Hi", NOW));
        assertThrows(NotPermittedException.class, () -> CaseMessage.post(c, otherClinic, "Hi", NOW));
        c.answer(consultant, "Consistent with viral pneumonia, CT-1.", NOW);
        assertThrows(IllegalTransitionException.class, () -> CaseMessage.post(c, doctor, "Thanks", NOW),
                "an answered case's chat is closed");
    }

    @Test
    void shiftsMustBeSaneAndBelongToConsultants() {
        assertThrows(IllegalArgumentException.class, () -> new DutyShift(expert, NOW, NOW.plusSeconds(3600)));
        assertThrows(IllegalArgumentException.class, () -> new DutyShift(consultant, NOW, NOW));
        assertThrows(IllegalArgumentException.class,
                () -> new DutyShift(consultant, NOW, NOW.plus(DutyShift.LONGEST_SHIFT).plusSeconds(1)));
        DutyShift shift = new DutyShift(consultant, NOW, NOW.plusSeconds(8 * 3600));
        assertTrue(shift.covers(NOW));
        assertTrue(shift.covers(NOW.plusSeconds(8 * 3600 - 1)));
        assertEquals(false, shift.covers(NOW.plusSeconds(8 * 3600)));
        assertEquals(false, shift.covers(NOW.minusSeconds(1)));
    }
}
