package org.teleris.ris.interfaces.dto;

import jakarta.validation.constraints.NotNull;
import org.teleris.ris.domain.identity.Role;

/** Inbound JSON: a user's new role (a class, not a record: see LoginRequest). */
public class RoleChangeRequest {
    @NotNull
    public Role role;
}
