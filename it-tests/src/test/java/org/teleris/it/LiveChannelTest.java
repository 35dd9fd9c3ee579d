package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The thin live path: a doctor posts a case and the reference centre sees it without reloading. */
@ExtendWith(ArquillianExtension.class)
class LiveChannelTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static String newCase(RisClient doctor, String question) {
        RisClient.Reply reply = doctor.post("api/cases",
                "{\"question\":\"" + question + "\",\"modality\":\"CT\",\"bodyPart\":\"CHEST\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    @Test
    void aNewCaseReachesTheConsultantAndItsOwnClinicButNoOtherClinic() throws Exception {
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient south = RisClient.loggedIn(base, "doctor.south", "south-demo");
        ChannelListener consultantSocket = new ChannelListener();
        ChannelListener northSocket = new ChannelListener();
        ChannelListener southSocket = new ChannelListener();
        List<WebSocket> sockets = List.of(consultant.channel(consultantSocket, origin()),
                north.channel(northSocket, origin()), south.channel(southSocket, origin()));

        String caseId = newCase(north, "Live path check " + RisClient.marker());

        JsonObject message = consultantSocket.awaitCase(caseId, 5, TimeUnit.SECONDS);
        assertEquals("Northern Regional Clinic", message.getJsonObject("case").getString("organisationName"));
        assertTrue(message.getJsonNumber("sequence").longValue() > 0);
        northSocket.awaitCase(caseId, 5, TimeUnit.SECONDS);

        String southCase = newCase(south, "South marker " + RisClient.marker());
        southSocket.awaitCase(southCase, 5, TimeUnit.SECONDS);
        assertFalse(southSocket.received(caseId), "a clinic's socket never carries another clinic's case");
        consultantSocket.awaitCase(southCase, 5, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertFalse(northSocket.received(southCase), "a clinic's socket never carries another clinic's case");
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }

    @Test
    void aReconnectingClientCatchesUpOnWhatItMissed() throws Exception {
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        ChannelListener first = new ChannelListener();
        WebSocket socket = consultant.channel(first, origin());
        String seen = newCase(north, "Before the drop " + RisClient.marker());
        long lastSequence = first.awaitCase(seen, 5, TimeUnit.SECONDS).getJsonNumber("sequence").longValue();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "network died");

        String missedOne = newCase(north, "Missed one " + RisClient.marker());
        String missedTwo = newCase(north, "Missed two " + RisClient.marker());

        ChannelListener second = new ChannelListener();
        WebSocket again = consultant.channel(second, origin());
        again.sendText("{\"type\":\"resume\",\"after\":" + lastSequence + "}", true).join();
        second.awaitCase(missedOne, 5, TimeUnit.SECONDS);
        second.awaitCase(missedTwo, 5, TimeUnit.SECONDS);
        assertFalse(second.received(seen), "catch-up starts after the last sequence the client saw");

        again.sendText("{\"type\":\"hello\"}", true).join();
        Thread.sleep(300);
        assertTrue(second.messages().stream().anyMatch(m -> "error".equals(m.getString("type"))),
                "an unexpected message gets an error reply, not a dropped connection");
        again.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void handshakesWithoutASessionOrFromAnotherSiteAreRefused() {
        CompletionException anonymous = assertThrows(CompletionException.class,
                () -> new RisClient(base).channel(new ChannelListener(), origin()));
        assertEquals(401, ((WebSocketHandshakeException) anonymous.getCause()).getResponse().statusCode());

        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        CompletionException crossSite = assertThrows(CompletionException.class,
                () -> consultant.channel(new ChannelListener(), "https://evil.example"));
        assertEquals(403, ((WebSocketHandshakeException) crossSite.getCause()).getResponse().statusCode());
    }

    @Test
    void aConsultantClaimsTalksAndRequestsTheFullStudyWhileTheDoctorWatchesLive() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient colleague = RisClient.loggedIn(base, "consultant2", "consultant2-demo");
        ChannelListener doctorSocket = new ChannelListener();
        WebSocket socket = north.channel(doctorSocket, origin());
        String caseId = newCase(north, "Workflow check " + RisClient.marker());

        // Two consultants claim at the same moment: exactly one holds the case.
        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> consultant.post("api/cases/" + caseId + "/claim", ""));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> colleague.post("api/cases/" + caseId + "/claim", ""));
        List<RisClient.Reply> claims = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        assertEquals(List.of(200, 409), claims.stream().map(RisClient.Reply::status).sorted().toList(),
                claims.toString());
        RisClient.Reply won = claims.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        RisClient.Reply lost = claims.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        JsonObject refusal = lost.json();
        assertEquals("CLAIMED", refusal.getString("currentState"));
        assertTrue(refusal.getString("message").contains(won.json().getString("claimedBy")), refusal.toString());
        assertTrue(refusal.getJsonArray("allowedCommands").toString().contains("REQUEST_FULL_STUDY"));
        RisClient holder = won == claims.get(0) ? consultant : colleague;
        assertEquals("case.claim", doctorSocket.await(m -> "case.claim".equals(m.getString("type"))
                && caseId.equals(m.getJsonObject("case").getString("id")), 5).getString("type"));

        assertEquals(201, holder.post("api/cases/" + caseId + "/messages", "{\"text\":\"Any PCR result?\"}").status());
        JsonObject message = doctorSocket.await(m -> "message.posted".equals(m.getString("type")), 5);
        assertEquals("Any PCR result?", message.getJsonObject("message").getString("text"));
        assertEquals(201, north.post("api/cases/" + caseId + "/messages", "{\"text\":\"Pending.\"}").status());

        RisClient.Reply requested = holder.post("api/cases/" + caseId + "/request-full-study",
                "{\"text\":\"Upload the complete chest CT, thin slices.\"}");
        assertEquals(200, requested.status(), requested.body());
        JsonObject live = doctorSocket.await(m -> "case.request_full_study".equals(m.getString("type")), 5);
        assertEquals("FULL_STUDY_REQUESTED", live.getJsonObject("case").getString("state"));
        assertEquals("Upload the complete chest CT, thin slices.", live.getJsonObject("case").getString("decision"));

        RisClient.Reply tooLate = holder.post("api/cases/" + caseId + "/answer", "{\"text\":\"No.\"}");
        assertEquals(409, tooLate.status());
        assertEquals("FULL_STUDY_REQUESTED", tooLate.json().getString("currentState"));
        assertEquals("[\"CANCEL\",\"POST_MESSAGE\"]", tooLate.json().getJsonArray("allowedCommands").toString());

        List<String> history = north.get("api/cases/" + caseId + "/history").array().stream()
                .map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("SUBMIT", "CLAIM", "REQUEST_FULL_STUDY"), history);
        List<String> chat = north.get("api/cases/" + caseId + "/messages").array().stream()
                .map(v -> v.asJsonObject().getString("text")).toList();
        assertEquals(List.of("Any PCR result?", "Pending."), chat);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void phiLikeTextNeedsConfirmationClinicalDataIsKeptAndAnUnclaimedCaseRaisesTheOverdueAlert() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        ChannelListener consultantSocket = new ChannelListener();
        WebSocket socket = consultant.channel(consultantSocket, origin());
        String body = "{\"question\":\"Пациент Иванов Иван Иванович, 6-й день лихорадки\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\",\"clinical\":{\"temperatureC\":38.7,\"respiratoryRate\":24,\"spo2\":94,"
                + "\"symptoms\":[\"COUGH\",\"ANOSMIA\"],\"pcr\":\"PENDING\",\"epidemiologicalContact\":true}";

        RisClient.Reply warned = north.post("api/cases", body + "}");
        assertEquals(422, warned.status(), warned.body());
        assertEquals("possible_phi", warned.json().getString("error"));
        JsonObject finding = warned.json().getJsonArray("findings").getJsonObject(0);
        assertEquals("PERSON_NAME", finding.getString("kind"));
        assertEquals("question", finding.getString("field"));
        assertFalse(warned.body().contains("Иванов"), "the warning points at the text, it does not repeat it");

        RisClient.Reply posted = north.post("api/cases", body + ",\"phiAcknowledged\":true}");
        assertEquals(201, posted.status(), posted.body());
        JsonObject clinical = posted.json().getJsonObject("clinical");
        assertEquals(38.7, clinical.getJsonNumber("temperatureC").doubleValue());
        assertEquals("[\"COUGH\",\"ANOSMIA\"]", clinical.getJsonArray("symptoms").toString());
        assertEquals("PENDING", clinical.getString("pcr"));
        String caseId = posted.json().getString("id");

        JsonObject overdue = consultantSocket.await(m -> "case.overdue".equals(m.getString("type"))
                && caseId.equals(m.getJsonObject("case").getString("id")), 15);
        assertTrue(overdue.getJsonObject("case").getBoolean("overdue"));
        assertTrue(north.get("api/cases/" + caseId).json().getBoolean("overdue"));
        Thread.sleep(2500);
        assertEquals(1, consultantSocket.messages().stream().filter(m -> "case.overdue".equals(m.getString("type"))
                && caseId.equals(m.getJsonObject("case").getString("id"))).count(), "the alert is raised once");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** The browser suite (it-tests/e2e, node's test runner) in Debian's Chromium against this server. */
    @Test
    void browserSuitePassesInChromium() throws IOException, InterruptedException {
        Path screenshots = Path.of(System.getProperty("ris.it.screenshots"));
        Files.createDirectories(screenshots);
        Path log = screenshots.resolve("e2e-output.txt");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec")
                .directory(new File(System.getProperty("ris.it.e2e-dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", origin());
        node.environment().put("SCREENSHOT_DIR", screenshots.toString());
        // the server's short triage time limit (it-tests/pom.xml), so the unclaimed-past-the-limit test runs
        String triageLimit = System.getenv("RIS_TRIAGE_TIME_LIMIT");
        if (triageLimit != null) {
            node.environment().put("E2E_TRIAGE_TIME_LIMIT_S",
                    Long.toString(java.time.Duration.parse(triageLimit).toSeconds()));
        }
        Path fixtures = Files.createDirectories(screenshots.resolveSibling("e2e-fixtures"));
        Files.write(fixtures.resolve("key-image.jpg"), TestImages.screenshotWithNameAndGps());
        Files.write(fixtures.resolve("chat-image.jpg"), TestImages.screenshotWithNameAndGps());
        // A chest CT with a patient's name and ID in every file (PixelMed), for the resumable-upload test.
        Path study = fixtures.resolve("study");
        CStoreCrashTest.deleteTree(study);
        try {
            SyntheticCt.write(study, 12, 512, 23_000_000 + System.nanoTime() % 1_000_000);
        } catch (Exception e) {
            throw new IOException(e);
        }
        node.environment().put("E2E_FIXTURES", fixtures.toString());
        // for the test that tampers with the audit table through H2's shell
        node.environment().put("E2E_H2_JAR", Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath()).toString());
        node.environment().put("E2E_DB_URL", "jdbc:h2:file:" + RisDeployment.DATA_DIR + "/db/ris;AUTO_SERVER=TRUE");
        Process process = node.start();
        // the stage II path (reporting-path.test.mjs) and two 300-slice studies take a few minutes on their own
        assertTrue(process.waitFor(14, TimeUnit.MINUTES), "browser suite timed out");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        for (String role : List.of("doctor", "consultant", "expert", "admin")) {
            try (var files = Files.list(screenshots)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(role)
                        && f.getFileName().toString().endsWith(".png")), "a screenshot of the " + role + " page");
            }
        }
    }
}
