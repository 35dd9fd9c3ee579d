package org.teleris.ris.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a bug, not bad input. The caller gets an incident number to quote; the log
 * gets the stack trace under the same number.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + ": " + exception.getClass().getName(), exception);
        return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on the server. Incident " + incident + " has been logged.");
    }
}
