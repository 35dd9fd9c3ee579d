package org.teleris.ris.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A domain rule refused the input (blank name, bad AE title...): the rule's own words, as 400. */
@Provider
public class BadInputExceptionMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException exception) {
        return ApiError.of(Response.Status.BAD_REQUEST, "invalid_input", exception.getMessage());
    }
}
