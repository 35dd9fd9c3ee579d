package org.teleris.ris.interfaces.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Inbound JSON: a password set by the administrator (a class, not a record: see LoginRequest). */
public class PasswordResetRequest {
    @NotBlank
    @Size(min = 10, max = 200)
    public String password;
}
