package org.teleris.triage.interfaces;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public class ShiftRequest {
    @NotBlank
    @Size(max = 36)
    public String consultantUserId;

    @NotNull
    public Instant startsAt;

    @NotNull
    public Instant endsAt;
}
