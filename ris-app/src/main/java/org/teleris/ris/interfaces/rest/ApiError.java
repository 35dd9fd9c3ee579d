package org.teleris.ris.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error answer: the HTTP status, a stable machine code and a sentence a person
 * can act on.
 */
public record ApiError(int status, String error, String message) {

    public Response toResponse() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(this).build();
    }

    public static Response of(Response.Status status, String error, String message) {
        return new ApiError(status.getStatusCode(), error, message).toResponse();
    }
}
