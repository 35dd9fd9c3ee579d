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

    /**
     * The instance to keep was written to the output file given to {@link #prepare} (never the
     * received bytes unless they passed as already de-identified); its indexing attributes.
     */
    record Accepted(InstanceHeader header, boolean wasAlreadyDeidentified, String reportJson)
            implements Prepared {
    }

    /** A refusal with the anonymiser's code and a message the sender can act on. */
    record Refused(String code, String reason, String reportJson) implements Prepared {
    }

    /**
     * Checks the received file and, when it is acceptable, writes what is to be stored into
     * {@code output} (a path that does not exist yet; on a refusal nothing is left there). The
     * received file is streamed, never held in memory whole (CT and MR slices: only the attributes
     * before the pixel data are parsed; the pixel bytes are copied as they are).
     */
    Prepared prepare(Path received, String organisationId, Path output);

    /**
     * An instance the server generated itself from de-identified instances (AI results): read for
     * indexing, not de-identified again (its references must keep pointing at the stored UIDs) and
     * not OCR-verified (its research marking is burned in on purpose).
     */
    Accepted generatedByServer(Path file, Path output) throws java.io.IOException;
}
