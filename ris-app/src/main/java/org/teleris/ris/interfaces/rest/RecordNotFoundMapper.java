package org.teleris.ris.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.teleris.ris.application.RecordNotFoundException;

/** An anonymisation record that does not exist: 404. */
@Provider
public class RecordNotFoundMapper implements ExceptionMapper<RecordNotFoundException> {

    @Override
    public Response toResponse(RecordNotFoundException exception) {
        return ApiError.of(Response.Status.NOT_FOUND, "not_found", exception.getMessage());
    }
}
