package org.teleris.consult.interfaces.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public class SecondReadRequest {
    @NotNull
    public Boolean agree;
    @Size(max = 4000)
    public String comment;
}
