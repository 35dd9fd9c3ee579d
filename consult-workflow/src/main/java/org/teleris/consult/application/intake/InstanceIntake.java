package org.teleris.consult.application.intake;

import java.nio.file.Path;

/**
 * The one door through which every received DICOM instance enters stage II, whatever the path.
 * Parses and validates, de-identifies (or verifies what the clinic already de-identified),
 * deduplicates, writes atomically and indexes; never stores the received bytes as they came.
 */
public interface InstanceIntake {

    /**
     * Takes one received instance. {@code receivedFile} belongs to the caller, who deletes it
     * afterwards; the intake copies what it keeps. Never throws for bad content: a bad file is a
     * {@link IntakeOutcome.Status#REJECTED} outcome with a reason the sender sees.
     */
    IntakeOutcome receive(IntakeSource source, Path receivedFile);
}
