package org.teleris.triage.interfaces;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.teleris.triage.domain.TriageCase;

/** A piece of free text: a chat message, an answer, upload instructions. */
public class TextRequest {
    @NotBlank
    @Size(max = TriageCase.MAX_TEXT_LENGTH)
    public String text;

    /** For chat messages: the author has seen the PHI warning for this text and confirms it. */
    public boolean phiAcknowledged;
}
