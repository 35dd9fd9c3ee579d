package org.teleris.triage.interfaces;

import jakarta.validation.constraints.Size;
import org.teleris.triage.domain.TriageCase;

/** A chat message: text, an image uploaded before through POST /api/previews, or both. */
public class MessageRequest {
    @Size(max = TriageCase.MAX_TEXT_LENGTH)
    public String text;

    @Size(max = 36)
    public String attachmentPreviewId;

    /** The author has seen the PHI warning for this text and confirms it. */
    public boolean phiAcknowledged;
}
