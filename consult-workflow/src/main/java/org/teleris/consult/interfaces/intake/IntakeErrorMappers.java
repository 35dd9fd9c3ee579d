package org.teleris.consult.interfaces.intake;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.teleris.consult.application.intake.UploadSessionNotFoundException;
import org.teleris.consult.domain.intake.UploadNotCompletableException;

/** How intake refusals reach the client, in the application's JSON error format. */
public final class IntakeErrorMappers {

    private IntakeErrorMappers() {
    }

    public record Refused(int status, String error, String message) {
    }

    static Response json(int status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Refused(status, error, message)).build();
    }

    @Provider
    public static class SessionNotFound implements ExceptionMapper<UploadSessionNotFoundException> {
        @Override
        public Response toResponse(UploadSessionNotFoundException e) {
            return json(404, "not_found", e.getMessage());
        }
    }

    @Provider
    public static class NotCompletable implements ExceptionMapper<UploadNotCompletableException> {
        @Override
        public Response toResponse(UploadNotCompletableException e) {
            return json(409, "not_completable", e.getMessage());
        }
    }

    @Provider
    public static class StudyNotFound implements ExceptionMapper<org.teleris.consult.application.dicomweb.StudyNotFoundException> {
        @Override
        public Response toResponse(org.teleris.consult.application.dicomweb.StudyNotFoundException e) {
            return json(404, "not_found", e.getMessage());
        }
    }
}
