package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stage I previews through the real server: sanitised on upload, visible as the case is. */
@ExtendWith(ArquillianExtension.class)
class PreviewTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aScreenshotLosesItsMetadataAndBurnedInNameAndIsSeenOnlyWithItsCase() throws IOException {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient south = RisClient.loggedIn(base, "doctor.south", "south-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");

        // The client claims a PNG named after the patient: the content decides.
        RisClient.Reply uploaded = north.upload("api/previews", TestImages.screenshotWithNameAndGps(),
                "ivanov_ivan_chest.png", "image/png");
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonObject preview = uploaded.json();
        assertEquals("JPEG", preview.getString("kind"));
        assertEquals("image/jpeg", preview.getString("mediaType"));
        assertFalse(uploaded.body().toLowerCase().contains("ivanov"), "nothing of the name comes back");
        String report = preview.getString("report");
        assertTrue(report.contains("maskedRegions"), report);
        assertFalse(report.contains("\"maskedRegions\":[]"), "the burned-in name was found and masked: " + report);
        String previewId = preview.getString("id");

        byte[] stored = north.download("api/previews/" + previewId + "/content");
        String storedText = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(storedText.contains("Exif"), "EXIF is gone");
        assertFalse(storedText.contains(TestImages.GPS_MARKER), "GPS is gone");
        assertFalse(storedText.toLowerCase().contains("ivanov"), "the name is gone from the metadata");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertNotNull(image, "still a picture");
        assertEquals(640, image.getWidth());

        assertEquals(404, consultant.get("api/previews/" + previewId).status(), "not posted yet: uploader only");
        RisClient.Reply created = north.post("api/cases", "{\"question\":\"Key image attached\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\",\"previewIds\":[\"" + previewId + "\"]}");
        assertEquals(201, created.status(), created.body());
        String caseId = created.json().getString("id");

        assertEquals(200, consultant.get("api/previews/" + previewId).status());
        assertEquals(stored.length, consultant.download("api/previews/" + previewId + "/content").length);
        assertEquals(previewId, consultant.get("api/cases/" + caseId + "/previews").array().getJsonObject(0)
                .getString("id"));
        assertEquals(404, south.get("api/previews/" + previewId).status(), "another clinic never sees it");
        assertEquals(404, south.get("api/cases/" + caseId + "/previews").status());

        RisClient.Reply reused = north.post("api/cases", "{\"question\":\"Again\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\",\"previewIds\":[\"" + previewId + "\"]}");
        assertEquals(400, reused.status(), "a preview belongs to one case");
    }

    @Test
    void theAiPostsItsPrescreenIntoTheCaseButDecidesNothing() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        ChannelListener consultantSocket = new ChannelListener();
        java.net.http.WebSocket socket = consultant.channel(consultantSocket,
                base.getProtocol() + "://" + base.getHost() + ":" + base.getPort());
        String previewId = north.upload("api/previews", TestImages.screenshotWithNameAndGps(), "key.jpg",
                "image/jpeg").json().getString("id");
        JsonObject created = north.post("api/cases", "{\"question\":\"AI please\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\",\"previewIds\":[\"" + previewId + "\"]}").json();
        String caseId = created.getString("id");

        JsonObject ai = consultantSocket.await(m -> "message.posted".equals(m.getString("type"))
                && caseId.equals(m.getJsonObject("message").getString("caseId"))
                && "AI".equals(m.getJsonObject("message").getString("authorRole")), 60).getJsonObject("message");
        assertTrue(ai.getString("text").contains("FOR RESEARCH PURPOSES ONLY"), ai.getString("text"));
        assertEquals("AI prescreen", ai.getString("author"));
        // A viewer screenshot that is no chest CT: the AI says so instead of guessing, and draws no heat map.
        assertTrue(ai.getString("text").contains("cannot be analysed"), ai.getString("text"));
        assertFalse(ai.containsKey("attachmentPreviewId"));

        JsonObject after = consultant.get("api/cases/" + caseId).json();
        assertEquals("SUBMITTED", after.getString("state"), "the AI never changes a case's state");
        assertEquals(created.getJsonArray("allowedCommands"), after.getJsonArray("allowedCommands"));
        assertTrue(consultant.get("api/cases/" + caseId + "/history").array().stream()
                .allMatch(h -> h.asJsonObject().getString("action").equals("SUBMIT")), "no command by the AI");
        socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void hostileFilesAreRefusedWithAReason() {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient.Reply executable = north.upload("api/previews", TestImages.renamedExecutable(), "scan.jpg",
                "image/jpeg");
        assertEquals(422, executable.status(), executable.body());
        assertEquals("preview_rejected", executable.json().getString("error"));
        assertFalse(executable.json().getString("message").isBlank());

        RisClient.Reply bomb = north.upload("api/previews", TestImages.decompressionBombPng(), "big.png", "image/png");
        assertEquals(422, bomb.status(), bomb.body());
        assertTrue(bomb.json().getString("message").length() > 10, bomb.body());

        RisClient.Reply empty = north.upload("api/previews", new byte[0], "nothing.jpg", "image/jpeg");
        assertEquals(400, empty.status(), empty.body());

        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        assertEquals(403, consultant.upload("api/previews", TestImages.screenshotWithNameAndGps(), "x.jpg",
                "image/jpeg").status(), "only doctors upload previews");
    }
}
