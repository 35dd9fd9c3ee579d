package org.teleris.ris.interfaces.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Inbound JSON. A class with fields rather than a record: Payara's OpenAPI generator fails on
 * validation annotations placed on record components.
 */
public class LoginRequest {
    @NotBlank
    @Size(max = 64)
    public String username;

    @NotBlank
    @Size(max = 256)
    public String password;
}
