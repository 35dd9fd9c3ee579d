package org.teleris.consult.interfaces.reporting;

import jakarta.validation.constraints.NotBlank;

public class AssignRequest {
    @NotBlank
    public String username;
}
