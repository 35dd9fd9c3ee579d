package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's anonymisation audit through the real server: every upload (preview, refused file,
 * study instance) has a record with what was removed or masked, and stored objects re-verify.
 */
@ExtendWith(ArquillianExtension.class)
class AnonymisationAuditTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;

    private static JsonObject newest(RisClient admin, String query) {
        JsonArray found = admin.get("api/admin/anonymisation?limit=5&" + query).array();
        assertFalse(found.isEmpty(), "a record for " + query);
        return found.getJsonObject(0);
    }

    @Test
    void everyUploadHasARecordAndStoredObjectsReverify() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");

        // a screenshot with EXIF GPS and a burned-in name
        String previewId = north.upload("api/previews", TestImages.screenshotWithNameAndGps(), "ivanov.jpg",
                "image/jpeg").json().getString("id");
        JsonObject preview = newest(admin, "kind=PREVIEW&outcome=ACCEPTED");
        assertEquals(previewId, preview.getString("objectRef"));
        assertEquals("doctor.north", preview.getString("actor"));
        JsonObject detail = admin.get("api/admin/anonymisation/" + preview.getString("id")).json();
        JsonObject report = detail.getJsonObject("report");
        assertFalse(report.getJsonArray("maskedRegions").isEmpty(), "the burned-in name's region: " + report);
        assertTrue(report.getJsonArray("removed").toString().contains("EXIF"), report.toString());
        assertFalse(detail.toString().toLowerCase().contains("ivanov"), "no value, no file name");
        JsonObject verified = admin.post("api/admin/anonymisation/" + preview.getString("id") + "/verify", "").json();
        assertTrue(verified.getBoolean("passed"), verified.toString());
        assertTrue(admin.get("api/admin/anonymisation/" + preview.getString("id")).json().getBoolean("verifiedPassed"));

        // a refused file keeps its reason
        assertEquals(422, north.upload("api/previews", TestImages.renamedExecutable(), "scan.jpg", "image/jpeg").status());
        JsonObject refused = newest(admin, "kind=PREVIEW&outcome=REJECTED");
        assertFalse(refused.getString("reasonCode").isBlank());
        assertEquals(400, admin.post("api/admin/anonymisation/" + refused.getString("id") + "/verify", "").status(),
                "nothing stored, nothing to re-verify");

        // a study instance: its record lists tags and actions, and re-verifies
        String caseId = north.post("api/cases", "{\"question\":\"Audit study\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\"}").json().getString("id");
        assertEquals(200, consultant.post("api/cases/" + caseId + "/claim", "").status());
        assertEquals(200, consultant.post("api/cases/" + caseId + "/request-full-study",
                "{\"text\":\"Send it\"}").status());
        Path folder = temp.resolve("ct");
        SyntheticCt.write(folder, 1, 64, System.nanoTime() % 1_000_000);
        byte[] slice;
        try (var files = Files.list(folder)) {
            slice = Files.readAllBytes(files.findFirst().orElseThrow());
        }
        assertEquals(200, north.postBytes("api/dicomweb/studies", "multipart/related; type=\"application/dicom\"; boundary=b",
                IntakeTest.multipart("b", List.of(slice), "application/dicom")).status());
        JsonObject instance = newest(admin, "kind=STUDY_INSTANCE&outcome=ACCEPTED");
        assertEquals("STOW_RS", instance.getString("channel"));
        assertEquals(caseId, instance.getString("caseId"));
        JsonObject instanceReport = admin.get("api/admin/anonymisation/" + instance.getString("id")).json()
                .getJsonObject("report");
        assertTrue(instanceReport.getJsonArray("actions").size() > 10, "attribute actions by tag");
        assertFalse(instanceReport.toString().contains("Korolyova"), "tags and actions, never values");
        JsonObject instanceVerified = admin.post("api/admin/anonymisation/" + instance.getString("id") + "/verify", "")
                .json();
        assertTrue(instanceVerified.getBoolean("passed"), instanceVerified.toString());

        // the upload as one line, resent once and with a broken file; drilling down lists its instances
        byte[] truncated = java.util.Arrays.copyOf(slice, 600);
        assertEquals(202, north.postBytes("api/dicomweb/studies", "multipart/related; type=\"application/dicom\"; boundary=b",
                IntakeTest.multipart("b", List.of(slice, truncated), "application/dicom")).status());
        String uploadRef = instance.getString("uploadRef");
        JsonObject upload = admin.get("api/admin/anonymisation/uploads").array().stream().map(JsonValue::asJsonObject)
                .filter(u -> uploadRef.equals(u.getString("uploadRef"))).findFirst()
                .orElseThrow(() -> new AssertionError("the upload " + uploadRef + " is listed"));
        assertEquals(caseId, upload.getString("caseId"));
        assertEquals(3, upload.getInt("instances"), upload.toString());
        assertEquals(1, upload.getJsonObject("outcomes").getInt("ACCEPTED"), upload.toString());
        assertEquals(1, upload.getJsonObject("outcomes").getInt("DUPLICATE"));
        assertEquals(1, upload.getJsonObject("outcomes").getInt("REJECTED"));
        assertEquals(List.of("STOW_RS"), upload.getJsonArray("channels").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(List.of("doctor.north"), upload.getJsonArray("senders").getValuesAs(jakarta.json.JsonString::getString));
        JsonArray ofUpload = admin.get("api/admin/anonymisation?uploadRef=" + uploadRef).array();
        assertEquals(3, ofUpload.size(), "the upload's instances");
        assertTrue(ofUpload.stream().allMatch(r -> uploadRef.equals(r.asJsonObject().getString("uploadRef"))));
        assertEquals(400, admin.get("api/admin/anonymisation/uploads?limit=0").status());

        // summary and CSV
        JsonArray days = admin.get("api/admin/anonymisation/summary").array();
        JsonObject today = days.getJsonObject(days.size() - 1);
        assertTrue(today.getInt("uploads") >= 3 && today.getInt("rejected") >= 1, today.toString());
        String csv = admin.getText("api/admin/anonymisation/export.csv?kind=PREVIEW").body();
        assertTrue(csv.startsWith("received_at,object_kind,channel"), csv);
        assertTrue(csv.contains(previewId));

        // clear refusals
        assertEquals(400, admin.get("api/admin/anonymisation?outcome=LOST").status());
        assertEquals(400, admin.get("api/admin/anonymisation?from=yesterday").status());
        assertEquals(404, admin.get("api/admin/anonymisation/no-such-record").status());
    }
}
