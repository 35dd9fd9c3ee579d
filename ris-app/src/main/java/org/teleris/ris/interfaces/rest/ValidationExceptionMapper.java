package org.teleris.ris.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** Bean Validation failures as 400, naming each invalid field. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String message = exception.getConstraintViolations().stream()
                .map(violation -> fieldOf(violation) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ApiError.of(Response.Status.BAD_REQUEST, "invalid_input",
                message.isEmpty() ? "The request is not valid." : message);
    }

    /** "create.request.question" → "question"; a missing body → "body". */
    private static String fieldOf(ConstraintViolation<?> violation) {
        Path.Node last = null;
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
            depth++;
        }
        boolean isWholeParameter = last != null && last.getKind() == jakarta.validation.ElementKind.PARAMETER;
        return last == null || depth == 0 ? "request" : isWholeParameter ? "body" : last.getName();
    }
}
