package org.teleris.consult.application.intake;

import java.nio.file.Path;
import org.teleris.consult.domain.intake.InstanceHeader;

/**
 * Port: makes a received file safe to keep. An instance that declares itself de-identified
 * (PatientIdentityRemoved=YES) is verified as it is; any other is de-identified with the
 * organisation's secret and then verified. Either way the verifier has the last word.
 */
public interface InstanceDeidentification {

    /** What to keep, or why not. */
    sealed interface Prepared permits Accepted, Refused {
        String reportJson();
    }

    /** The bytes to store (never the received ones unless they passed as already de-identified). */
    record Accepted(byte[] bytes, InstanceHeader header, boolean wasAlreadyDeidentified, String reportJson)
            implements Prepared {
    }

    /** A refusal with the anonymiser's code and a message the sender can act on. */
    record Refused(String code, String reason, String reportJson) implements Prepared {
    }

    Prepared prepare(Path received, String organisationId);

    /**
     * An instance the server generated itself from de-identified instances (AI results): read for
     * indexing, not de-identified again (its references must keep pointing at the stored UIDs) and
     * not OCR-verified (its research marking is burned in on purpose).
     */
    Accepted generatedByServer(Path file) throws java.io.IOException;
}
