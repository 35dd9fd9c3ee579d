package org.teleris.consult.interfaces.dicomweb;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.CurrentUser;
import org.teleris.consult.application.dicomweb.InstanceContent;
import org.teleris.consult.application.dicomweb.StudyQueries;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.intake.StudySummary;

/**
 * QIDO-RS (studies, series, instances) and WADO-RS (instances, metadata, frames, rendered) over the
 * stored, de-identified studies. Role and organisation are checked on every request; what a caller
 * may not see answers 404.
 */
@Path("dicomweb/studies")
@RequestScoped
@RolesAllowed({"DOCTOR", "CONSULTANT", "EXPERT", "ADMIN"})
public class DicomWebReadResource {

    static final String DICOM_JSON = "application/dicom+json";

    @Inject
    CurrentUser users;

    @Inject
    StudyQueries queries;

    @Inject
    InstanceContent content;

    @GET
    @Produces({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response searchStudies(@Context UriInfo uri) {
        QidoParameters query = QidoParameters.of(QidoParameters.Level.STUDY, uri.getQueryParameters());
        List<StudySummary> matches = queries.studies(caller(), query.studyFilter(), query.offset, query.limit);
        JsonArrayBuilder out = CachedJson.createArrayBuilder();
        for (StudySummary m : matches) {
            JsonObjectBuilder o = CachedJson.createObjectBuilder()
                    .add("0020000D", DicomJson.ui(m.studyInstanceUid()))
                    .add("00201206", DicomJson.is(m.seriesCount()))
                    .add("00201208", DicomJson.is(m.instanceCount()))
                    .add("00080061", DicomJson.cs(m.modalities()));
            if (m.patientPseudonym() != null) {
                o.add("00100020", DicomJson.lo(m.patientPseudonym()));
            }
            if (m.studyDate() != null) {
                o.add("00080020", DicomJson.da(m.studyDate()));
            }
            out.add(o);
        }
        return json(out, query);
    }

    @GET
    @Path("{study}/series")
    @Produces({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response searchSeries(@PathParam("study") String study, @Context UriInfo uri) {
        QidoParameters query = QidoParameters.of(QidoParameters.Level.SERIES, uri.getQueryParameters());
        Set<String> uids = query.uids("SeriesInstanceUID");
        String modality = query.value("Modality");
        Integer number = query.integer("SeriesNumber");
        List<StudyQueries.SeriesMatch> matches = queries.series(caller(), study).stream()
                .filter(s -> uids.isEmpty() || uids.contains(s.seriesInstanceUid()))
                .filter(s -> modality == null || modality.equals(s.modality()))
                .filter(s -> number == null || number.equals(s.seriesNumber())).toList();
        JsonArrayBuilder out = CachedJson.createArrayBuilder();
        for (StudyQueries.SeriesMatch s : query.page(matches)) {
            JsonObjectBuilder o = CachedJson.createObjectBuilder().add("0020000D", DicomJson.ui(study))
                    .add("0020000E", DicomJson.ui(s.seriesInstanceUid()))
                    .add("00201209", DicomJson.is(s.instanceCount()));
            if (s.modality() != null) {
                o.add("00080060", DicomJson.cs(List.of(s.modality())));
            }
            if (s.seriesNumber() != null) {
                o.add("00200011", DicomJson.is(s.seriesNumber()));
            }
            if (s.description() != null) {
                o.add("0008103E", DicomJson.lo(s.description()));
            }
            out.add(o);
        }
        return json(out, query);
    }

    @GET
    @Path("{study}/series/{series}/instances")
    @Produces({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response searchInstances(@PathParam("study") String study, @PathParam("series") String series,
                                    @Context UriInfo uri) {
        QidoParameters query = QidoParameters.of(QidoParameters.Level.INSTANCE, uri.getQueryParameters());
        Set<String> uids = query.uids("SOPInstanceUID");
        Set<String> classes = query.uids("SOPClassUID");
        Integer number = query.integer("InstanceNumber");
        List<StoredInstance> matches = queries.instances(caller(), study, series).stream()
                .filter(i -> uids.isEmpty() || uids.contains(i.sopInstanceUid()))
                .filter(i -> classes.isEmpty() || classes.contains(i.sopClassUid()))
                .filter(i -> number == null || number.equals(i.instanceNumber())).toList();
        JsonArrayBuilder out = CachedJson.createArrayBuilder();
        for (StoredInstance i : query.page(matches)) {
            JsonObjectBuilder o = CachedJson.createObjectBuilder().add("0020000D", DicomJson.ui(study))
                    .add("0020000E", DicomJson.ui(series)).add("00080018", DicomJson.ui(i.sopInstanceUid()))
                    .add("00080016", DicomJson.ui(i.sopClassUid())).add("00280008", DicomJson.is(i.frameCount()));
            if (i.instanceNumber() != null) {
                o.add("00200013", DicomJson.is(i.instanceNumber()));
            }
            out.add(o);
        }
        return json(out, query);
    }

    /** WADO-RS retrieve of a study: every visible instance as one multipart/related body. */
    @GET
    @Path("{study}")
    @Produces(MediaType.WILDCARD)
    public Response retrieveStudy(@PathParam("study") String study) {
        return multipartDicom(queries.instances(caller(), study, null));
    }

    @GET
    @Path("{study}/series/{series}")
    @Produces(MediaType.WILDCARD)
    public Response retrieveSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return multipartDicom(queries.instances(caller(), study, series));
    }

    @GET
    @Path("{study}/series/{series}/instances/{sop}")
    @Produces(MediaType.WILDCARD)
    public Response retrieveInstance(@PathParam("study") String study, @PathParam("series") String series,
                                     @PathParam("sop") String sop) {
        return multipartDicom(List.of(queries.instance(caller(), study, series, sop)));
    }

    /** WADO-RS study metadata: every visible instance's data set without bulk data, one JSON array. */
    @GET
    @Path("{study}/metadata")
    @Produces({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response studyMetadata(@PathParam("study") String study) throws IOException {
        return metadataOf(queries.instances(caller(), study, null));
    }

    /** WADO-RS series metadata (what viewers read before they fetch frames). */
    @GET
    @Path("{study}/series/{series}/metadata")
    @Produces({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response seriesMetadata(@PathParam("study") String study, @PathParam("series") String series)
            throws IOException {
        return metadataOf(queries.instances(caller(), study, series));
    }

    private Response metadataOf(List<StoredInstance> instances) throws IOException {
        jakarta.json.JsonArrayBuilder all = CachedJson.createArrayBuilder();
        for (StoredInstance i : instances) {
            all.add(content.metadata(queries.fileOf(i)));
        }
        return json(all);
    }

    @GET
    @Path("{study}/series/{series}/instances/{sop}/metadata")
    @Produces({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response metadata(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("sop") String sop) throws IOException {
        StoredInstance i = queries.instance(caller(), study, series, sop);
        return json(CachedJson.createArrayBuilder().add(content.metadata(queries.fileOf(i))));
    }

    @GET
    @Path("{study}/series/{series}/instances/{sop}/frames/{frame}")
    @Produces(MediaType.WILDCARD)
    public Response frame(@PathParam("study") String study, @PathParam("series") String series,
                          @PathParam("sop") String sop, @PathParam("frame") String frame) throws IOException {
        int number;
        try {
            number = Integer.parseInt(frame.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("one frame number, e.g. /frames/1");
        }
        byte[] pixels = content.frame(queries.fileOf(queries.instance(caller(), study, series, sop)), number);
        String boundary = UUID.randomUUID().toString();
        StreamingOutput body = out -> {
            part(out, boundary, "application/octet-stream");
            out.write(pixels);
            end(out, boundary);
        };
        return Response.ok(body).type("multipart/related; type=\"application/octet-stream\"; boundary=" + boundary)
                .build();
    }

    @GET
    @Path("{study}/series/{series}/instances/{sop}/rendered")
    @Produces(MediaType.WILDCARD)
    public Response rendered(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("sop") String sop, @QueryParam("window") String window,
                             @jakarta.ws.rs.HeaderParam("Accept") String accept) throws IOException {
        String type = renderedType(accept);
        byte[] image = content.rendered(queries.fileOf(queries.instance(caller(), study, series, sop)), type,
                window(window));
        return Response.ok(image, type).header("Cache-Control", "private, no-store").build();
    }

    /** PNG unless the client asks for JPEG before (or without) PNG; anything else it accepts gets PNG too. */
    static String renderedType(String accept) {
        if (accept == null) {
            return "image/png";
        }
        String a = accept.toLowerCase(java.util.Locale.ROOT);
        int jpeg = a.indexOf("image/jpeg");
        int png = a.indexOf("image/png");
        return jpeg >= 0 && (png < 0 || jpeg < png) ? "image/jpeg" : "image/png";
    }

    /** PS3.18 8.3.5.1.3: {@code window=center,width,function}; only the linear functions. */
    static InstanceContent.Window window(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String[] parts = query.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("window is center,width[,function], e.g. window=-600,1500,linear");
        }
        if (parts.length == 3 && !java.util.Set.of("linear", "linear-exact").contains(parts[2].trim().toLowerCase(
                java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("only the linear window functions are supported");
        }
        try {
            return new InstanceContent.Window(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("window center and width are numbers, e.g. window=-600,1500,linear");
        }
    }

    private Response multipartDicom(List<StoredInstance> instances) {
        String boundary = UUID.randomUUID().toString();
        List<java.nio.file.Path> files = instances.stream().map(queries::fileOf).toList();
        StreamingOutput body = out -> {
            for (java.nio.file.Path f : files) {
                part(out, boundary, "application/dicom");
                Files.copy(f, out);
            }
            end(out, boundary);
        };
        return Response.ok(body).type("multipart/related; type=\"application/dicom\"; boundary=" + boundary).build();
    }

    private static void part(OutputStream out, String boundary, String type) throws IOException {
        out.write(("\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void end(OutputStream out, String boundary) throws IOException {
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static Response json(JsonArrayBuilder array) {
        return Response.ok(array.build().toString(), DICOM_JSON).build();
    }

    private static Response json(JsonArrayBuilder array, QidoParameters query) {
        Response.ResponseBuilder reply = Response.ok(array.build().toString(), DICOM_JSON);
        return query.warning() == null ? reply.build() : reply.header("Warning", query.warning()).build();
    }

    private ConsultUser caller() {
        return users.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
    }
}
