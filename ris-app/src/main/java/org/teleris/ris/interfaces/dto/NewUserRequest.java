package org.teleris.ris.interfaces.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.teleris.ris.domain.identity.Role;

/** Inbound JSON; a class, not a record, because of Payara's OpenAPI generator (see LoginRequest). */
public class NewUserRequest {
    @NotBlank
    @Size(max = 64)
    public String username;

    @NotBlank
    @Size(max = 200)
    public String displayName;

    @NotNull
    public Role role;

    @NotBlank
    @Size(max = 36)
    public String organisationId;

    @NotBlank
    @Size(min = 10, max = 200)
    public String password;
}
