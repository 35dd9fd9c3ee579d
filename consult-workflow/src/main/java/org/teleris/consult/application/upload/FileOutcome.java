package org.teleris.consult.application.upload;

import org.teleris.consult.application.intake.IntakeOutcome;

/**
 * The intake's verdict on one file of an upload: {@code entry} is 0 for an upload of one file, else the
 * 1-based position of the entry in the zip (entry names are never kept: they can hold patient names).
 */
public record FileOutcome(int entry, String status, String sopInstanceUid, String reasonCode, String reason) {

    public static FileOutcome of(int entry, IntakeOutcome outcome) {
        return new FileOutcome(entry, outcome.status().name(), outcome.sopInstanceUid(), outcome.reasonCode(),
                outcome.reason());
    }

    public static FileOutcome rejected(int entry, String code, String reason) {
        return new FileOutcome(entry, IntakeOutcome.Status.REJECTED.name(), null, code, reason);
    }

    public boolean stored() {
        return status.equals("STORED") || status.equals("DUPLICATE");
    }
}
