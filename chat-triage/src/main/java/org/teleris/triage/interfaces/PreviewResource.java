package org.teleris.triage.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.teleris.triage.application.CurrentParticipant;
import org.teleris.triage.application.PreviewSanitizing;
import org.teleris.triage.application.PreviewUploads;
import org.teleris.triage.domain.Participant;

/**
 * Stage I previews and chat images: the doctor (or, for chat images, the consultant) sends the raw file as the request body (any content type, the name
 * in {@code X-File-Name}); what comes back is the sanitised preview and its report. Whatever the
 * client claims, the content decides what the file is.
 */
@Path("previews")
@RequestScoped
@RolesAllowed({"DOCTOR", "CONSULTANT", "EXPERT", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    /** Screen videos of a few seconds fit comfortably; larger bodies are refused unread. */
    static final int MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

    @Inject
    CurrentParticipant participants;

    @Inject
    PreviewUploads uploads;

    /** Refusal of a preview: the anonymiser's code and its reason. */
    public record PreviewRefused(int status, String error, String code, String message) {
    }

    @POST
    @RolesAllowed({"DOCTOR", "CONSULTANT"})
    @Consumes(MediaType.WILDCARD)
    public Response upload(InputStream body, @HeaderParam("X-File-Name") String fileName,
                           @HeaderParam("Content-Length") Long declaredLength) throws IOException {
        if (declaredLength != null && declaredLength > MAX_UPLOAD_BYTES) {
            return TriageErrorMappers.json(413, new TriageErrorMappers.Refused(413, "too_large", tooLarge()));
        }
        byte[] content = readAtMost(body, MAX_UPLOAD_BYTES);
        if (content == null) {
            return TriageErrorMappers.json(413, new TriageErrorMappers.Refused(413, "too_large", tooLarge()));
        }
        if (content.length == 0) {
            return TriageErrorMappers.json(400, new TriageErrorMappers.Refused(400, "empty", "The upload is empty."));
        }
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(uploads.upload(caller(), content, fileName == null ? "" : fileName)).build();
        } catch (PreviewSanitizing.RefusedException refused) {
            return TriageErrorMappers.json(422, new PreviewRefused(422, "preview_rejected", refused.code(),
                    refused.getMessage()));
        }
    }

    @GET
    @Path("{id}")
    public PreviewUploads.PreviewView describe(@PathParam("id") String id) {
        return uploads.describe(caller(), id);
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id) {
        PreviewUploads.Content content = uploads.content(caller(), id);
        return Response.ok(content.bytes(), content.mediaType()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline").header("Cache-Control", "private, no-store").build();
    }

    /** A DICOM preview as a PNG for the page (its stored window applied); images answer as they are. */
    @GET
    @Path("{id}/rendered")
    @Produces(MediaType.WILDCARD)
    public Response rendered(@PathParam("id") String id) {
        PreviewUploads.Content content = uploads.rendered(caller(), id);
        return Response.ok(content.bytes(), content.mediaType()).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").build();
    }

    private static String tooLarge() {
        return "A preview may be at most " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB.";
    }

    /** @return the body, or null when it is longer than the limit */
    private static byte[] readAtMost(InputStream body, int limit) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = body.read(chunk)) != -1) {
            if (buffer.size() + read > limit) {
                return null;
            }
            buffer.write(chunk, 0, read);
        }
        return buffer.toByteArray();
    }

    private Participant caller() {
        return participants.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
    }
}
