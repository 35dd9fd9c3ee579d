package org.teleris.consult.interfaces.dicomweb;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.CurrentUser;
import org.teleris.consult.application.intake.InstanceIntake;
import org.teleris.consult.application.intake.IntakeChannel;
import org.teleris.consult.application.intake.IntakeOutcome;
import org.teleris.consult.application.intake.IntakeSource;
import org.teleris.consult.application.intake.OpenUploadSessions;

/**
 * STOW-RS (PS3.18 10.5): a doctor stores instances into their organisation's open upload session
 * (or the one named by {@code ?session=}). Each part goes through the intake; the answer is the
 * store response in the DICOM JSON model: stored instances (by their de-identified UIDs) and the
 * failed ones with a reason.
 */
@Path("dicomweb/studies")
@RequestScoped
@RolesAllowed("DOCTOR")
public class StowResource {

    static final String DICOM_JSON = "application/dicom+json";
    private static final int FAILURE_PROCESSING = 0x0110;
    private static final int FAILURE_CANNOT_UNDERSTAND = 0xC000;
    private static final int FAILURE_CONFLICT = 0x0111;

    @Inject
    CurrentUser users;

    @Inject
    InstanceIntake intake;

    @Inject
    OpenUploadSessions openSessions;

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response store(InputStream body, @HeaderParam("Content-Type") String contentType,
                          @QueryParam("session") String session) throws IOException {
        return stow(body, contentType, session, null);
    }

    @POST
    @Path("{study}")
    @Consumes(MediaType.WILDCARD)
    @Produces({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response storeIntoStudy(@PathParam("study") String study, InputStream body,
                                   @HeaderParam("Content-Type") String contentType,
                                   @QueryParam("session") String session) throws IOException {
        return stow(body, contentType, session, study);
    }

    private Response stow(InputStream body, String contentType, String session, String study) throws IOException {
        ConsultUser doctor = users.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
        String boundary;
        try {
            boundary = MultipartRelated.boundaryOf(contentType);
        } catch (IllegalArgumentException e) {
            return error(415, "unsupported_media_type", e.getMessage());
        }
        String sessionId = session != null && !session.isBlank() ? session
                : openSessions.openSessionFor(doctor.organisationId()).orElse(null);
        if (sessionId == null) {
            return error(409, "no_upload_session", "Your organisation has no open upload session: a consultant"
                    + " requests the full study first.");
        }
        IntakeSource source = new IntakeSource(sessionId, doctor.organisationId(), doctor.username(),
                IntakeChannel.STOW_RS);
        java.nio.file.Path incoming = Files.createDirectories(java.nio.file.Path.of(dataDir, "incoming"));
        List<JsonObject> stored = new ArrayList<>();
        List<JsonObject> failed = new ArrayList<>();
        try {
            MultipartRelated.forEachPart(body, boundary, incoming, Long.MAX_VALUE, part -> {
                String type = part.contentType().toLowerCase(Locale.ROOT);
                if (!type.isEmpty() && !type.startsWith("application/dicom")) {
                    failed.add(failure(null, FAILURE_CANNOT_UNDERSTAND, "Part of type " + part.contentType()
                            + " is not application/dicom."));
                    return;
                }
                IntakeOutcome outcome = intake.receive(source, part.body());
                switch (outcome.status()) {
                    case STORED, DUPLICATE -> stored.add(reference(outcome, study));
                    case CONFLICT -> failed.add(failure(outcome.sopInstanceUid(), FAILURE_CONFLICT, outcome.reason()));
                    case REJECTED -> failed.add(failure(outcome.sopInstanceUid(),
                            "NO_SESSION".equals(outcome.reasonCode()) || "STORAGE_FAILED".equals(outcome.reasonCode())
                                    ? FAILURE_PROCESSING : FAILURE_CANNOT_UNDERSTAND,
                            outcome.reasonCode() + ": " + outcome.reason()));
                }
            });
        } catch (IllegalArgumentException e) {
            return error(400, "bad_multipart", e.getMessage());
        }
        if (stored.isEmpty() && failed.isEmpty()) {
            return error(400, "empty", "The request holds no instance.");
        }
        JsonObjectBuilder response = CachedJson.createObjectBuilder();
        if (!stored.isEmpty()) {
            response.add("00081199", sequence(stored));
        }
        if (!failed.isEmpty()) {
            response.add("00081198", sequence(failed));
        }
        int status = failed.isEmpty() ? 200 : stored.isEmpty() ? 409 : 202;
        return Response.status(status).type(DICOM_JSON).entity(response.build().toString()).build();
    }

    private static JsonObject reference(IntakeOutcome outcome, String study) {
        JsonObjectBuilder item = CachedJson.createObjectBuilder().add("00081155", DicomJson.ui(outcome.sopInstanceUid()));
        if (outcome.status() == IntakeOutcome.Status.DUPLICATE) {
            // Warning: "Instance already stored" is not a PS3.18 code; Coercion of data elements (B000) is the nearest
            item.add("00081196", DicomJson.us(0xB000));
        }
        return item.build();
    }

    private static JsonObject failure(String sop, int reason, String comment) {
        JsonObjectBuilder item = CachedJson.createObjectBuilder().add("00081197", DicomJson.us(reason))
                .add("00000902", DicomJson.lo(comment));
        if (sop != null) {
            item.add("00081155", DicomJson.ui(sop));
        }
        return item.build();
    }

    private static JsonObject sequence(List<JsonObject> items) {
        JsonArrayBuilder values = CachedJson.createArrayBuilder();
        items.forEach(values::add);
        return CachedJson.createObjectBuilder().add("vr", "SQ").add("Value", values).build();
    }

    private static Response error(int status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(CachedJson.createObjectBuilder().add("status", status).add("error", error).add("message", message)
                        .build().toString()).build();
    }
}
