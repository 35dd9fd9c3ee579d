package org.teleris.ris.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.teleris.ris.application.OrganisationNotFoundException;

/** An organisation that does not exist: 404. */
@Provider
public class OrganisationNotFoundMapper implements ExceptionMapper<OrganisationNotFoundException> {

    @Override
    public Response toResponse(OrganisationNotFoundException exception) {
        return ApiError.of(Response.Status.NOT_FOUND, "not_found", exception.getMessage());
    }
}
