package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standard DICOMweb client not written here (npm {@code dicomweb-client}, run in Debian's
 * Chromium by {@code it-tests/e2e/interop/dicomweb-client.mjs}) stores a generated multi-slice CT
 * with STOW-RS, finds it with QIDO-RS and retrieves metadata, instances, a series and frames with
 * WADO-RS (instance, series and study metadata too), through a logged-in session cookie; the
 * reads are audited once per reader and study.
 */
@ExtendWith(ArquillianExtension.class)
class DicomWebInteropTest {

    private static final int SLICES = 6;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;

    private String fullStudyRequested(RisClient north, RisClient consultant, String question) {
        String caseId = north.post("api/cases", "{\"question\":\"" + question + "\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\"}").json().getString("id");
        assertEquals(200, consultant.post("api/cases/" + caseId + "/claim", "").status());
        assertEquals(200, consultant.post("api/cases/" + caseId + "/request-full-study",
                "{\"text\":\"Send the whole chest series\"}").status());
        return north.get("api/upload-sessions/by-case/" + caseId).json().getString("id");
    }

    private static int count(RisClient client, String path) {
        RisClient.Reply reply = client.get(path);
        return reply.status() == 404 ? 0 : reply.array().size();
    }

    /**
     * The clinic sends half a study for one case (completed) and the rest for a later case (still
     * receiving): both land in the same de-identified study, and the reference centre sees only
     * the instances of the complete upload until the second one completes too.
     */
    @Test
    void aStudyFedByTwoSessionsShowsTheReferenceCentreOnlyWhatIsComplete() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        Path folder = temp.resolve("split");
        SyntheticCt.write(folder, 4, 32, 8_000_000 + System.nanoTime() % 1_000_000);
        java.util.List<byte[]> slices = new java.util.ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                slices.add(Files.readAllBytes(f));
            }
        }
        String first = fullStudyRequested(north, consultant, "First half");
        String second = fullStudyRequested(north, consultant, "Second half");
        String b1 = "b1-" + System.nanoTime();
        assertEquals(200, north.postBytes("api/dicomweb/studies?session=" + first, "multipart/related; "
                + "type=\"application/dicom\"; boundary=" + b1, IntakeTest.multipart(b1, slices.subList(0, 2),
                "application/dicom")).status());
        assertEquals(200, north.post("api/upload-sessions/" + first + "/complete", "").status());
        String b2 = "b2-" + System.nanoTime();
        RisClient.Reply later = north.postBytes("api/dicomweb/studies?session=" + second, "multipart/related; "
                + "type=\"application/dicom\"; boundary=" + b2, IntakeTest.multipart(b2, slices.subList(2, 4),
                "application/dicom"));
        assertEquals(200, later.status(), later.body());
        String hiddenSop = later.json().getJsonObject("00081199").getJsonArray("Value").getJsonObject(0)
                .getJsonObject("00081155").getJsonArray("Value").getString(0);
        JsonObject firstView = north.get("api/upload-sessions/" + first).json();
        String study = firstView.getJsonArray("studies").getJsonObject(0).getString("studyInstanceUid");
        assertEquals(study, north.get("api/upload-sessions/" + second).json().getJsonArray("studies")
                .getJsonObject(0).getString("studyInstanceUid"), "one de-identified study, fed twice");
        String series = expert.get("api/dicomweb/studies/" + study + "/series").array().getJsonObject(0)
                .getJsonObject("0020000E").getJsonArray("Value").getString(0);
        String instances = "api/dicomweb/studies/" + study + "/series/" + series + "/instances";

        assertEquals(2, count(expert, instances), "the reference centre sees the complete upload only");
        assertEquals(2, count(expert, "api/dicomweb/studies/" + study + "/metadata"));
        assertEquals(404, expert.get(instances + "/" + hiddenSop + "/metadata").status(),
                "an instance of the receiving upload does not exist for the expert yet");
        assertEquals(4, count(north, instances), "the clinic sees everything it sent");

        assertEquals(200, north.post("api/upload-sessions/" + second + "/complete", "").status());
        assertEquals(4, count(expert, instances), "both uploads complete: the whole study");
        assertEquals(200, expert.get(instances + "/" + hiddenSop + "/metadata").status());
    }

    @Test
    void dicomwebClientStoresSearchesAndRetrievesACt() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        String caseId = north.post("api/cases", "{\"question\":\"Interop study\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\"}").json().getString("id");
        assertEquals(200, consultant.post("api/cases/" + caseId + "/claim", "").status());
        assertEquals(200, consultant.post("api/cases/" + caseId + "/request-full-study",
                "{\"text\":\"Send the whole chest series\"}").status());
        String sessionId = north.get("api/upload-sessions/by-case/" + caseId).json().getString("id");
        Path fixtures = temp.resolve("ct");
        SyntheticCt.write(fixtures, SLICES, 64, 7_000_000 + System.nanoTime() % 1_000_000);

        Path log = temp.resolve("interop-output.txt");
        ProcessBuilder node = new ProcessBuilder("node", "interop/dicomweb-client.mjs")
                .directory(new File(System.getProperty("ris.it.e2e-dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        node.environment().put("BASE_URL", origin);
        node.environment().put("FIXTURES", fixtures.toString());
        node.environment().put("SESSION_ID", sessionId);
        Process process = node.start();
        assertTrue(process.waitFor(4, TimeUnit.MINUTES), "the interop run timed out");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);

        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
        JsonObject result;
        try (var reader = Json.createReader(new StringReader(line.substring("RESULT ".length())))) {
            result = reader.readObject();
        }
        assertEquals(SLICES, result.getInt("stored"));
        assertEquals(SLICES, result.getJsonArray("sops").size());
        assertEquals("DICM", result.getString("magic"));
        assertEquals(64 * 64 * 2, result.getJsonArray("frameLengths").getInt(0));
        // What the client saw is what the server holds.
        JsonObject session = north.get("api/upload-sessions/" + sessionId).json();
        assertEquals("COMPLETE", session.getString("state"));
        assertEquals(SLICES, session.getInt("stored"));
        String study = result.getString("studyInstanceUid");
        assertEquals(study, session.getJsonArray("studies").getJsonObject(0).getString("studyInstanceUid"));

        // Audited: each reader's read of the study once (not once per request), every search.
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        jakarta.json.JsonArray reads = admin.get("api/admin/audit?action=INSTANCES_ACCESSED&objectId=" + study
                + "&limit=500").array();
        assertEquals(1, reads.stream().filter(r -> "expert".equals(r.asJsonObject().getString("actor"))).count(),
                reads.toString());
        assertEquals("110103", reads.getJsonObject(0).getString("dicomEventCode"));
        assertTrue(reads.stream().noneMatch(r -> "doctor.south".equals(r.asJsonObject().getString("actor"))),
                "a refused read is no access");
        jakarta.json.JsonArray searches = admin.get("api/admin/audit?action=STUDIES_QUERIED&objectId=" + study
                + "&limit=500").array();
        assertTrue(searches.stream().anyMatch(r -> "expert".equals(r.asJsonObject().getString("actor"))));
        assertTrue(searches.stream().anyMatch(r -> "doctor.south".equals(r.asJsonObject().getString("actor"))),
                "a search is audited even when it finds nothing");
    }
}
