package org.teleris.consult.application.intake;

/**
 * What became of one received instance. {@code sopInstanceUid} is the de-identified UID (null
 * when rejected before it was known); {@code reasonCode} and {@code reason} explain a rejection
 * or conflict in words the sender can act on, never quoting PHI.
 */
public record IntakeOutcome(Status status, String sopInstanceUid, String reasonCode, String reason) {

    public enum Status {
        /** Stored and indexed for the first time. */
        STORED,
        /** Same de-identified instance with the same content was already stored: nothing changed. */
        DUPLICATE,
        /** Same SOP Instance UID already stored with different content: kept the first, reported. */
        CONFLICT,
        /** Not stored: unreadable, not DICOM, residual PHI, uncleanable pixels, no open session... */
        REJECTED
    }

    public boolean stored() {
        return status == Status.STORED || status == Status.DUPLICATE;
    }
}
