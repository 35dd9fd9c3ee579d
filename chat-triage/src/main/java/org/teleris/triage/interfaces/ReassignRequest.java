package org.teleris.triage.interfaces;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class ReassignRequest {
    @NotBlank
    @Size(max = 36)
    public String consultantUserId;
}
