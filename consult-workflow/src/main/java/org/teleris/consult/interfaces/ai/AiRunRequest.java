package org.teleris.consult.interfaces.ai;

import jakarta.validation.constraints.Size;

/** Inbound JSON; a class, not a record, because of Payara's OpenAPI generator. */
public class AiRunRequest {
    /** A registered model's id; absent: the default model. */
    @Size(max = 100)
    public String modelId;
}
