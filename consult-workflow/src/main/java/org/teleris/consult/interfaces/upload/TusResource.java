package org.teleris.consult.interfaces.upload;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.CurrentUser;
import org.teleris.consult.application.upload.ChecksumClaim;
import org.teleris.consult.application.upload.ClientGoneException;
import org.teleris.consult.application.upload.FileOutcome;
import org.teleris.consult.application.upload.ResumableUploads;
import org.teleris.consult.application.upload.UploadRefusedException;
import org.teleris.consult.application.upload.UploadRefusedException.Reason;
import org.teleris.consult.domain.upload.ResumableUpload;

/**
 * tus 1.0 (https://tus.io/protocols/resumable-upload): core, creation, termination, expiration and
 * checksum (sha1, sha256). One upload is one file for an upload session named in Upload-Metadata
 * ({@code session}); the sending organisation's doctors only. Every request but OPTIONS must carry
 * {@code Tus-Resumable: 1.0.0}, which no cross-site form can send. When the last byte is durable the file
 * goes to the intake, and the PATCH (later HEADs too) answers its outcome in {@code Upload-Outcome}
 * headers; {@code GET} gives the outcome of every file (zip entries) in JSON.
 */
@Path("uploads")
@RequestScoped
@RolesAllowed("DOCTOR")
public class TusResource {

    static final String VERSION = "1.0.0";
    static final String OFFSET_TYPE = "application/offset+octet-stream";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    CurrentUser users;

    @Inject
    ResumableUploads uploads;

    @Context
    UriInfo uri;

    /** The outcome of one upload as JSON. */
    public record UploadView(String id, String uploadSessionId, long length, long offset, String state,
                             String expiresAt, List<FileOutcome> outcomes) {
    }

    @OPTIONS
    @PermitAll
    public Response options() {
        return Response.noContent().header("Tus-Resumable", VERSION).header("Tus-Version", VERSION)
                .header("Tus-Extension", "creation,termination,expiration,checksum")
                .header("Tus-Checksum-Algorithm", ChecksumClaim.SUPPORTED)
                .header("Tus-Max-Size", uploads.maxSize()).build();
    }

    /** Creation: {@code Upload-Length} and {@code Upload-Metadata: session <base64 id>[,channel <base64 CLI>]}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam("Tus-Resumable") String tus, @HeaderParam("Upload-Length") String length,
                           @HeaderParam("Upload-Defer-Length") String defer,
                           @HeaderParam("Upload-Metadata") String metadata) {
        requireTus(tus);
        if (defer != null) {
            throw new UploadRefusedException(Reason.BAD_REQUEST, "Upload-Defer-Length is not supported: send Upload-Length.");
        }
        Map<String, String> meta = metadata(metadata);
        ResumableUploads.State created = uploads.create(caller(), number("Upload-Length", length), meta.get("session"),
                meta.get("channel"));
        String location = uri.getBaseUri().getRawPath() + "uploads/" + created.upload().id();
        return Response.status(201).header("Location", location).header("Tus-Resumable", VERSION)
                .header("Upload-Offset", 0).header("Upload-Expires", HTTP_DATE.format(created.expiresAt())).build();
    }

    @HEAD
    @Path("{id}")
    public Response head(@HeaderParam("Tus-Resumable") String tus, @PathParam("id") String id) {
        requireTus(tus);
        return withState(Response.ok(), uploads.state(caller(), id)).header("Cache-Control", "no-store").build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response patch(@HeaderParam("Tus-Resumable") String tus, @PathParam("id") String id,
                          @HeaderParam("Content-Type") String contentType, @HeaderParam("Upload-Offset") String offset,
                          @HeaderParam("Upload-Checksum") String checksum, InputStream body) {
        requireTus(tus);
        ConsultUser caller = caller();
        uploads.state(caller, id); // a foreign or missing upload is a 404 whatever else is wrong
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(OFFSET_TYPE)) {
            throw new UploadRefusedException(Reason.UNSUPPORTED_MEDIA_TYPE,
                    "A PATCH body must be sent as " + OFFSET_TYPE + ".");
        }
        ResumableUploads.State state = uploads.append(caller, id, number("Upload-Offset", offset), body,
                ChecksumClaim.parse(checksum));
        return withState(Response.noContent(), state).build();
    }

    /** Termination: the partial bytes, or the kept outcome, are deleted. */
    @DELETE
    @Path("{id}")
    public Response terminate(@HeaderParam("Tus-Resumable") String tus, @PathParam("id") String id) {
        requireTus(tus);
        uploads.terminate(caller(), id);
        return Response.noContent().header("Tus-Resumable", VERSION).build();
    }

    /** Where the upload stands and, once handed to the intake, the outcome of each file. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public UploadView describe(@PathParam("id") String id) {
        ResumableUploads.State s = uploads.state(caller(), id);
        ResumableUpload u = s.upload();
        return new UploadView(u.id(), u.uploadSessionId(), u.length(), u.offset(),
                u.processed() ? "PROCESSED" : u.received() ? "RECEIVED" : "RECEIVING", s.expiresAt().toString(),
                s.outcomes());
    }

    private Response.ResponseBuilder withState(Response.ResponseBuilder r, ResumableUploads.State s) {
        r.header("Tus-Resumable", VERSION).header("Upload-Offset", s.upload().offset())
                .header("Upload-Length", s.upload().length())
                .header("Upload-Expires", HTTP_DATE.format(s.expiresAt()));
        List<FileOutcome> outcomes = s.outcomes();
        if (!outcomes.isEmpty()) {
            r.header("Upload-Outcome", worst(outcomes).status());
            Map<String, Integer> counts = new HashMap<>();
            outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
            r.header("Upload-Outcome-Counts", "stored=" + counts.getOrDefault("STORED", 0) + ";duplicate="
                    + counts.getOrDefault("DUPLICATE", 0) + ";conflict=" + counts.getOrDefault("CONFLICT", 0)
                    + ";rejected=" + counts.getOrDefault("REJECTED", 0));
            FileOutcome worst = worst(outcomes);
            if (worst.reasonCode() != null) {
                r.header("Upload-Outcome-Reason", ascii(worst.reasonCode() + ": " + worst.reason()));
            }
            if (outcomes.size() == 1 && worst.sopInstanceUid() != null) {
                r.header("Upload-Outcome-Sop-Instance-Uid", worst.sopInstanceUid());
            }
        }
        return r;
    }

    private static FileOutcome worst(List<FileOutcome> outcomes) {
        List<String> order = List.of("STORED", "DUPLICATE", "CONFLICT", "REJECTED");
        FileOutcome worst = outcomes.get(0);
        for (FileOutcome o : outcomes) {
            if (order.indexOf(o.status()) > order.indexOf(worst.status())) {
                worst = o;
            }
        }
        return worst;
    }

    /** Header values are ASCII; the full reason is in the JSON of GET. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.length() > 300 ? b.substring(0, 300) : b.toString();
    }

    private static void requireTus(String tus) {
        if (!VERSION.equals(tus)) {
            throw new UploadRefusedException(Reason.PRECONDITION, "Send the header Tus-Resumable: " + VERSION
                    + " (the only tus version this server speaks).");
        }
    }

    private static long number(String header, String value) {
        try {
            long n = Long.parseLong(value == null ? "" : value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UploadRefusedException(Reason.BAD_REQUEST, header + " must be a non-negative whole number.");
        }
    }

    /** tus metadata: comma-separated {@code key base64value} pairs. */
    static Map<String, String> metadata(String header) {
        Map<String, String> meta = new HashMap<>();
        if (header == null || header.isBlank()) {
            return meta;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            try {
                meta.put(kv[0], kv.length > 1 ? new String(Base64.getDecoder().decode(kv[1].trim()), StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw new UploadRefusedException(Reason.BAD_REQUEST, "Upload-Metadata value of " + kv[0]
                        + " is not base64.");
            }
        }
        return meta;
    }

    private ConsultUser caller() {
        return users.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
    }

    /** tus refusals as the application's JSON errors, with the tus version header. */
    @Provider
    public static class Refusals implements ExceptionMapper<UploadRefusedException> {
        @Override
        public Response toResponse(UploadRefusedException e) {
            Response.ResponseBuilder r = Response.status(e.reason().status).header("Tus-Resumable", VERSION)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Refused(e.reason().status, e.reason().error, e.getMessage()));
            if (e.reason() == Reason.PRECONDITION) {
                r.header("Tus-Version", VERSION);
            }
            return r.build();
        }
    }

    /** A client that went away mid-PATCH: what arrived is durable; nobody is left to read an answer. */
    @Provider
    public static class ClientGone implements ExceptionMapper<ClientGoneException> {
        @Override
        public Response toResponse(ClientGoneException e) {
            return Response.status(400).header("Tus-Resumable", VERSION).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Refused(400, "upload_interrupted",
                            e.getMessage())).build();
        }
    }

    public record Refused(int status, String error, String message) {
    }
}
