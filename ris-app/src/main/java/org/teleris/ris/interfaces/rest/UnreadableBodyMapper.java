package org.teleris.ris.interfaces.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that could not be read as the JSON the endpoint expects: a syntax error, a
 * field of the wrong type, an unknown enum value.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return ApiError.of(Response.Status.BAD_REQUEST, "malformed_json",
                "The request body is not valid JSON for this endpoint: check the syntax, the field types and"
                        + " the allowed values.");
    }
}
