package org.teleris.consult.interfaces.reporting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class AddendumRequest {
    @NotBlank
    @Size(max = 4000)
    public String text;
}
