package org.teleris.ris.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * JAX-RS's own failures (unknown path, wrong method, unsupported media type...) and those thrown
 * by resources of every context, as JSON errors. A response that already carries a body is kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String> CODES = Map.of(
            400, "bad_request", 401, "not_authenticated", 403, "forbidden", 404, "not_found",
            405, "method_not_allowed", 406, "not_acceptable", 409, "conflict", 413, "too_large",
            415, "unsupported_media_type", 422, "unprocessable");

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        return new ApiError(status, CODES.getOrDefault(status, "http_" + status), messageFor(exception, status))
                .toResponse();
    }

    private String messageFor(WebApplicationException exception, int status) {
        String message = exception.getMessage();
        // JAX-RS fills in "HTTP 404 Not Found" when nobody gave a reason: say something useful instead.
        if (message == null || message.startsWith("HTTP " + status)) {
            String path = uri == null ? "" : " /" + uri.getPath();
            return switch (status) {
                case 404 -> "Nothing here:" + path;
                case 405 -> "This method is not allowed on" + path;
                case 415 -> "Send this request as application/json.";
                case 406 -> "This resource answers in JSON only.";
                case 400 -> "The request is malformed or incomplete (is the JSON body missing?).";
                default -> Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                        : Response.Status.fromStatusCode(status).getReasonPhrase();
            };
        }
        return message;
    }
}
