package org.teleris.triage.interfaces;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.teleris.triage.domain.DeclineReason;
import org.teleris.triage.domain.TriageCase;

public class DeclineRequest {
    @NotNull
    public DeclineReason reason;

    @NotBlank
    @Size(max = TriageCase.MAX_TEXT_LENGTH)
    public String advice;
}
