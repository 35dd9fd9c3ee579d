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
