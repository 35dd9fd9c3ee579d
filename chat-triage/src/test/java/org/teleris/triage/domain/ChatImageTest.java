package org.teleris.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Images in a case's chat: who may attach what, and who sees it afterwards. */
class ChatImageTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final Participant doctor = person("d1", Participant.Role.DOCTOR, "north");
    private final Participant sameClinic = person("d3", Participant.Role.DOCTOR, "north");
    private final Participant otherClinic = person("d2", Participant.Role.DOCTOR, "south");
    private final Participant consultant = person("c1", Participant.Role.CONSULTANT, "centre");
    private final Participant expert = person("e1", Participant.Role.EXPERT, "centre");

    private static Participant person(String id, Participant.Role role, String organisation) {
        return new Participant(id, id, "Name " + id, role, organisation, "Org " + organisation);
    }

    private TriageCase claimedCase() {
        TriageCase c = TriageCase.submit(doctor, "GGO?", Modality.CT, BodyPart.CHEST, NOW);
        c.claim(consultant, true, NOW);
        return c;
    }

    private static Preview imageBy(Participant uploader) {
        return new Preview(uploader, "JPEG", "image/jpeg", 10, "{}", NOW);
    }

    @Test
    void aConsultantsImageJoinsTheCaseAndTheDoctorThenSeesIt() {
        TriageCase c = claimedCase();
        Preview image = imageBy(consultant);
        assertFalse(image.isVisibleTo(doctor), "before it is posted only its uploader sees it");
        CaseMessage message = CaseMessage.post(c, consultant, "", image, NOW);
        assertEquals(image.id(), message.attachmentPreviewId());
        assertEquals("", message.text());
        assertEquals(c.id(), image.caseId());
        assertTrue(image.isVisibleTo(doctor));
        assertTrue(image.isVisibleTo(sameClinic));
        assertFalse(image.isVisibleTo(otherClinic), "another clinic never sees it");
    }

    @Test
    void anImageGoesWithOneMessageOnly() {
        TriageCase c = claimedCase();
        Preview image = imageBy(doctor);
        CaseMessage.post(c, doctor, "see the image", image, NOW);
        assertThrows(IllegalArgumentException.class, () -> CaseMessage.post(c, doctor, "again", image, NOW));
    }

    @Test
    void nobodyAttachesSomeoneElsesUpload() {
        TriageCase c = claimedCase();
        Preview doctorsImage = imageBy(sameClinic);
        assertThrows(IllegalArgumentException.class, () -> CaseMessage.post(c, doctor, "", doctorsImage, NOW));
        assertEquals(null, doctorsImage.caseId());
    }

    @Test
    void aDoctorCannotCarryAnImageIntoAnotherClinicsCase() {
        TriageCase foreign = TriageCase.submit(otherClinic, "GGO?", Modality.CT, BodyPart.CHEST, NOW);
        Preview image = imageBy(doctor);
        assertThrows(IllegalArgumentException.class, () -> image.attachTo(foreign, doctor));
    }

    @Test
    void aMessageWithoutAnImageNeedsText() {
        TriageCase c = claimedCase();
        assertThrows(IllegalArgumentException.class, () -> CaseMessage.post(c, doctor, "  ", null, NOW));
    }

    @Test
    void onlyDoctorsAndConsultantsUploadImages() {
        assertThrows(NotPermittedException.class, () -> imageBy(expert));
    }
}
