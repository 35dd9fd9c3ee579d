package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage II reporting on the deployed product: a study uploaded through the real workflow enters the
 * worklist with its priority and time limit; experts claim, sign, second-read (disagree, re-sign,
 * agree) and add an addendum; the clinic reads the delivered report and sees it in the case chat;
 * every command is audited; an illegal command is a 409 with the allowed ones; a late study is
 * marked as a breach.
 */
@ExtendWith(ArquillianExtension.class)
class ReportingTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;

    /** A case of the northern clinic, full study requested, uploaded by STOW-RS and completed. */
    static String receivedStudy(URL base, Path temp, String modality, String clinical) throws Exception {
        return receivedStudy(base, temp, modality, clinical, 3, 64, 1.0);
    }

    /** As above with {@code slices} slices of size² pixels {@code spacingMm} apart (the AI needs 16 over 100 mm). */
    static String receivedStudy(URL base, Path temp, String modality, String clinical, int slices, int size,
                                double spacingMm) throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient.Reply created = north.post("api/cases", "{\"question\":\"viral pneumonia? second opinion please\","
                + "\"modality\":\"" + modality + "\",\"bodyPart\":\"CHEST\"" + (clinical == null ? ""
                : ",\"clinical\":" + clinical) + "}");
        assertEquals(201, created.status(), created.body());
        String caseId = created.json().getString("id");
        assertEquals(200, consultant.post("api/cases/" + caseId + "/claim", "").status());
        assertEquals(200, consultant.post("api/cases/" + caseId + "/request-full-study",
                "{\"text\":\"Send the whole chest series\"}").status());
        String sessionId = north.get("api/upload-sessions/by-case/" + caseId).json().getString("id");
        Path folder = temp.resolve("ct-" + System.nanoTime());
        SyntheticCt.write(folder, slices, size, System.nanoTime() % 1_000_000_000L, spacingMm);
        List<byte[]> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                parts.add(Files.readAllBytes(f));
            }
        }
        String boundary = "teleris-" + System.nanoTime();
        RisClient.Reply stow = north.postBytes("api/dicomweb/studies",
                "multipart/related; type=\"application/dicom\"; boundary=" + boundary,
                IntakeTest.multipart(boundary, parts, "application/dicom"));
        assertEquals(200, stow.status(), stow.body());
        RisClient.Reply complete = north.post("api/upload-sessions/" + sessionId + "/complete", "");
        assertEquals(200, complete.status(), complete.body());
        return caseId;
    }

    static JsonObject item(RisClient expert, String caseId) {
        return expert.get("api/reporting/worklist").json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(i -> caseId.equals(i.getString("caseId"))).findFirst()
                .orElseThrow(() -> new AssertionError("case " + caseId + " not in the worklist"));
    }

    static String draft(int total, String ctClass, String comment) {
        return "{\"groundGlass\":true,\"consolidation\":true,\"bilateral\":true,\"peripheral\":true,"
                + "\"lowerLobe\":true,\"hydrothorax\":true,\"hydrothoraxSide\":\"LEFT\",\"involvementRightPct\":"
                + total + ",\"involvementLeftPct\":" + total + ",\"dynamics\":\"NO_PREVIOUS\""
                + (ctClass == null ? "" : ",\"ctClass\":\"" + ctClass + "\"")
                + (comment == null ? "" : ",\"disagreementComment\":\"" + comment + "\"")
                + ",\"conclusion\":\"Двусторонняя вирусная пневмония / bilateral viral pneumonia\","
                + "\"recommendations\":\"Госпитализация\"}";
    }

    @Test
    void aReceivedStudyGoesFromWorklistThroughDoubleReadingToTheClinic() throws Exception {
        String caseId = receivedStudy(base, temp, "CT", "{\"temperatureC\":38.7,\"respiratoryRate\":24,"
                + "\"spo2\":94,\"symptoms\":[\"COUGH\"],\"epidemiologicalContact\":true}");
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        RisClient expert2 = RisClient.loggedIn(base, "expert2", "expert2-demo");
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient south = RisClient.loggedIn(base, "doctor.south", "south-demo");
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");

        JsonObject item = item(expert, caseId);
        String id = item.getString("reportId");
        assertEquals("URGENT", item.getString("priority"), "SpO2 94 % points to CT-3");
        assertEquals("CHEST_CT", item.getString("caseType"));
        assertEquals("WAITING", item.getString("state"));
        assertEquals(Duration.ofHours(1), Duration.between(Instant.parse(item.getString("receivedAt")),
                Instant.parse(item.getString("dueAt"))), "urgent chest CT: one hour (configured default)");
        assertTrue(item.getString("clinicalSummary").contains("SpO2 94"), item.toString());
        assertEquals("viral pneumonia? second opinion please", item.getString("question"));
        assertEquals(403, north.get("api/reporting/worklist").status());
        assertEquals(404, north.get("api/reporting/reports/" + id).status(), "not delivered yet");
        assertEquals(404, expert.get("api/reporting/reports/" + id + "/pdf").status(), "not delivered yet");

        // claim: one holder; the other expert's claim is a 409 naming the state and what is possible.
        // Worklists update live: the claim reaches the other expert's channel as report.changed.
        ChannelListener expertSocket = new ChannelListener();
        java.net.http.WebSocket socket = expert.channel(expertSocket,
                base.getProtocol() + "://" + base.getHost() + ":" + base.getPort());
        Thread.sleep(300);
        assertEquals(200, expert2.post("api/reporting/reports/" + id + "/claim", "").status());
        JsonObject changed = expertSocket.await(m -> "report.changed".equals(m.getString("type", ""))
                && id.equals(m.getJsonObject("case").getString("reportId")), 10);
        assertEquals("IN_REPORTING", changed.getJsonObject("case").getString("state"));
        socket.abort();
        RisClient.Reply refused = expert.post("api/reporting/reports/" + id + "/claim", "");
        assertEquals(409, refused.status());
        assertEquals("IN_REPORTING", refused.json().getString("currentState"));
        assertEquals(Set.of("ASSIGN", "RELEASE", "SAVE_DRAFT", "SIGN"), strings(refused.json()
                .getJsonArray("allowedCommands")));
        assertEquals(403, expert.put("api/reporting/reports/" + id + "/draft", draft(30, "CT2", null)).status(),
                "only the holder writes");
        assertEquals(200, expert2.post("api/reporting/reports/" + id + "/assign", "{\"username\":\"expert\"}")
                .status());

        // the proposal: imaging 30 % -> CT-2, clinical SpO2 94 % -> CT-3; choosing CT-2 needs a reason
        JsonObject view = expert.put("api/reporting/reports/" + id + "/draft", draft(30, "CT2", null)).json();
        JsonObject proposal = view.getJsonObject("proposal");
        assertEquals("CT3", proposal.getString("proposed"));
        assertEquals("CT2", proposal.getString("imagingClass"));
        assertEquals("CT3", proposal.getString("clinicalClass"));
        assertTrue(proposal.getJsonArray("applied").stream().map(JsonValue::asJsonObject)
                .anyMatch(a -> a.getString("id").equals("ct3.spo2") && a.getString("ru").contains("SpO2")));
        assertTrue(view.getJsonObject("proposedRouting").getString("en").startsWith("Immediate admission"));
        assertTrue(view.getJsonObject("confirmedCase").getBoolean("confirmed"));
        RisClient.Reply incomplete = expert.post("api/reporting/reports/" + id + "/sign", "");
        assertEquals(422, incomplete.status(), incomplete.body());
        assertTrue(incomplete.json().getString("message").contains("CT3"));

        expert.put("api/reporting/reports/" + id + "/draft", draft(30, "CT2", "Low SpO2 is chronic (COPD)"));
        JsonObject signed = expert.post("api/reporting/reports/" + id + "/sign", "").json();
        assertEquals("AWAITING_SECOND_READ", signed.getJsonObject("item").getString("state"));
        assertEquals(409, expert.put("api/reporting/reports/" + id + "/draft", draft(40, "CT3", null)).status(),
                "signed is immutable");
        assertEquals(403, expert.post("api/reporting/reports/" + id + "/second-read", "{\"agree\":true}").status(),
                "the second reader is another expert");
        assertEquals(400, expert2.post("api/reporting/reports/" + id + "/second-read", "{\"comment\":\"x\"}").status());
        assertEquals(422, expert2.post("api/reporting/reports/" + id + "/second-read", "{\"agree\":false}").status());
        JsonObject back = expert2.post("api/reporting/reports/" + id + "/second-read",
                "{\"agree\":false,\"comment\":\"Consolidation makes it CT-3\"}").json();
        assertEquals("IN_REPORTING", back.getJsonObject("item").getString("state"));
        assertEquals("Dr. Mikhail Orlov", back.getJsonObject("item").getString("holderName"),
                "back to the first reader");

        expert.put("api/reporting/reports/" + id + "/draft", draft(30, "CT3", null));
        expert.post("api/reporting/reports/" + id + "/sign", "");
        JsonObject delivered = expert2.post("api/reporting/reports/" + id + "/second-read",
                "{\"agree\":true,\"comment\":\"Agree\"}").json();
        assertEquals("DELIVERED", delivered.getJsonObject("item").getString("state"));
        JsonArray versions = delivered.getJsonArray("versions");
        assertEquals(2, versions.size());
        JsonObject v1 = versions.getJsonObject(0);
        JsonObject v2 = versions.getJsonObject(1);
        assertFalse(v1.getBoolean("secondReadAgrees"));
        assertTrue(v1.getBoolean("disagreesWithProposal"));
        assertEquals("Low SpO2 is chronic (COPD)", v1.getJsonObject("content").getString("disagreementComment"));
        assertTrue(v2.getBoolean("secondReadAgrees"));
        assertNotNull(v2.getString("signedAt"));
        assertNotNull(v2.getString("secondReadAt"));
        assertFalse(v2.getString("signedByName").equals(v2.getString("secondReaderName")));
        assertEquals("CT3", v2.getJsonObject("routing").getString("ctClass"));

        // the clinic reads it; another clinic does not; the chat carries a link
        JsonObject forDoctor = north.get("api/reporting/reports/" + id).json();
        assertEquals(2, forDoctor.getJsonArray("versions").size());
        assertTrue(!forDoctor.containsKey("draft") || forDoctor.isNull("draft"), "the doctor sees signed versions only");
        assertEquals(404, south.get("api/reporting/reports/" + id).status());
        assertTrue(north.get("api/reporting/delivered?caseId=" + caseId).array().size() == 1);
        assertEquals(0, south.get("api/reporting/delivered?caseId=" + caseId).array().size());
        assertEquals(1, reportNotes(north, caseId, id), "one chat note per delivery");

        // the documents: PDF in the reader's language with Cyrillic text, a DICOM SR of the study that dciodvfy accepts
        Path ruPdf = temp.resolve("report-ru.pdf");
        Files.write(ruPdf, north.download("api/reporting/reports/" + id + "/pdf?lang=ru"));
        String ruText = run("pdftotext", "-enc", "UTF-8", ruPdf.toString(), "-").replaceAll("\\s+", " ");
        assertTrue(ruText.contains("Заключение экспертной телеконсультации") && ruText.contains("КТ-3 (тяжёлая)")
                && ruText.contains("Срочная госпитализация"), ruText);
        assertTrue(run("pdffonts", ruPdf.toString()).contains("DejaVuSans"));
        // rendered by poppler (pdftoppm), the first page is a page with text on it, not a blank one
        run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", ruPdf.toString(),
                temp.resolve("report-ru").toString());
        java.awt.image.BufferedImage page = javax.imageio.ImageIO.read(temp.resolve("report-ru.png").toFile());
        assertNotNull(page, "pdftoppm wrote a PNG");
        long dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
                    dark++;
                }
            }
        }
        double share = (double) dark / ((long) page.getWidth() * page.getHeight());
        assertTrue(page.getWidth() > 400 && page.getHeight() > 600, page.getWidth() + "x" + page.getHeight());
        assertTrue(share > 0.005 && share < 0.5, "dark pixels of the rendered page: " + dark + " (" + share + ")");
        Path enPdf = temp.resolve("report-en.pdf");
        Files.write(enPdf, north.download("api/reporting/reports/" + id + "/pdf?lang=en"));
        assertTrue(run("pdftotext", "-enc", "UTF-8", enPdf.toString(), "-").contains("CT-3 (severe)"));
        assertEquals(404, south.get("api/reporting/reports/" + id + "/pdf").status());
        Path sr = temp.resolve("report.dcm");
        Files.write(sr, north.download("api/reporting/reports/" + id + "/sr"));
        String verdict = run("dciodvfy", sr.toString());
        assertFalse(verdict.lines().anyMatch(l -> l.startsWith("Error")), verdict);
        assertTrue(new String(Files.readAllBytes(sr), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(item.getString("studyInstanceUid")), "the SR belongs to the reported study");

        // addendum after delivery: a new version and a new note; no silent edits
        assertEquals(409, expert.put("api/reporting/reports/" + id + "/draft", draft(30, "CT3", null)).status());
        JsonObject withAddendum = expert.post("api/reporting/reports/" + id + "/addenda",
                "{\"text\":\"PCR positive on day 6\"}").json();
        assertEquals(3, withAddendum.getJsonArray("versions").size());
        assertEquals("ADDENDUM", withAddendum.getJsonArray("versions").getJsonObject(2).getString("kind"));
        assertEquals(2, reportNotes(north, caseId, id));

        // every command in the audit log
        Set<String> actions = admin.get("api/admin/audit?objectId=" + id + "&limit=100").array().stream()
                .map(r -> r.asJsonObject().getString("action")).collect(Collectors.toSet());
        assertTrue(actions.containsAll(Set.of("REPORT_QUEUED", "REPORT_CLAIMED", "REPORT_ASSIGNED",
                "REPORT_DRAFT_SAVED", "REPORT_SIGNED", "REPORT_SECOND_READ_DISAGREED", "REPORT_SECOND_READ_AGREED",
                "REPORT_ADDENDUM_ADDED", "REPORT_EXPORTED")), actions.toString());
        JsonArray history = expert.get("api/reporting/reports/" + id).json().getJsonArray("history");
        assertTrue(history.size() >= 10, history.toString());

        // the workload dashboard counts it: received, signed, delivered in time, two second reads
        // (one returned), both experts' load
        JsonObject stageTwo = admin.get("api/admin/workload?from=" + Instant.parse(item.getString("receivedAt"))
                + "&to=" + Instant.parse(item.getString("receivedAt")).plusMillis(1)).json().getJsonObject("stageTwo");
        assertTrue(stageTwo.getBoolean("available"), stageTwo.toString());
        assertEquals(1, stageTwo.getInt("received"), stageTwo.toString());
        assertEquals(1, stageTwo.getInt("signedReports"));
        assertEquals(1, stageTwo.getInt("delivered"));
        assertEquals(0, stageTwo.getInt("open"));
        assertEquals(1, stageTwo.getInt("deliveredWithinLimit"), "an hour's limit: delivered in time");
        assertEquals(0, stageTwo.getInt("overLimit"));
        assertEquals(1, stageTwo.getJsonObject("timeToDelivery").getInt("count"));
        assertTrue(stageTwo.getJsonObject("timeToDelivery").getJsonNumber("medianMinutes").doubleValue() < 60);
        assertEquals(60.0, stageTwo.getJsonObject("limitMinutes").getJsonNumber("URGENT.CHEST_CT").doubleValue());
        JsonObject period = admin.get("api/admin/workload?from=" + Instant.parse(item.getString("receivedAt"))
                + "&to=" + Instant.now().plusSeconds(60)).json().getJsonObject("stageTwo");
        assertTrue(period.getInt("secondReads") >= 2, period.toString());
        java.util.Map<String, JsonObject> load = period.getJsonArray("experts").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(l -> l.getString("name"), l -> l));
        assertTrue(load.get("Dr. Mikhail Orlov").getInt("reports") >= 2, load.toString());
        String secondName = expert2.get("api/auth/me").json().getString("displayName");
        assertTrue(load.get(secondName).getInt("secondReads") >= 2, load.toString());
        assertFalse(period.toString().contains("Двусторонняя"), "no report content on the dashboard");
    }

    private static boolean breached(JsonObject item) {
        return item.containsKey("breachedAt") && !item.isNull("breachedAt");
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static long reportNotes(RisClient doctor, String caseId, String reportId) {
        return doctor.get("api/cases/" + caseId + "/messages").array().stream().map(JsonValue::asJsonObject)
                .filter(m -> m.containsKey("reportId") && reportId.equals(m.getString("reportId", null))).count();
    }

    private static Set<String> strings(JsonArray array) {
        return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).collect(Collectors.toSet());
    }

    @Test
    void aStudyPastItsTimeLimitIsMarkedOnceAndCounted() throws Exception {
        // The it-tests server gives "other" studies a 3 s limit (RIS_REPORTING_TIME_LIMITS in the POM).
        String caseId = receivedStudy(base, temp, "MR", null);
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        JsonObject item = item(expert, caseId);
        assertEquals("OTHER", item.getString("caseType"));
        Instant deadline = Instant.now().plusSeconds(30);
        while (!breached(item(expert, caseId)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        JsonObject late = item(expert, caseId);
        assertTrue(breached(late), "breach marked");
        assertTrue(late.getBoolean("overdue"));
        assertTrue(expert.get("api/reporting/worklist").json().getJsonNumber("breaches").longValue() >= 1);
        String id = late.getString("reportId");
        long audited = admin.get("api/admin/audit?objectId=" + id + "&limit=100").array().stream()
                .filter(r -> "REPORT_TIME_LIMIT_BREACHED".equals(r.asJsonObject().getString("action"))).count();
        assertEquals(1, audited);

        // counted on the workload dashboard: a breach, over its limit, still open
        JsonObject stageTwo = admin.get("api/admin/workload?from=" + Instant.parse(late.getString("receivedAt"))
                + "&to=" + Instant.parse(late.getString("receivedAt")).plusMillis(1)).json().getJsonObject("stageTwo");
        assertEquals(1, stageTwo.getInt("received"), stageTwo.toString());
        assertEquals(1, stageTwo.getInt("breaches"));
        assertEquals(1, stageTwo.getInt("open"));
        assertEquals(1, stageTwo.getInt("overLimit"));
        assertEquals(0.05, stageTwo.getJsonObject("limitMinutes").getJsonNumber("ROUTINE.OTHER").doubleValue(), 1e-9);
    }

    @Test
    void theDeliveredClassIsTheReferenceTheStageTwoAiIsJudgedAgainst() throws Exception {
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        RisClient expert2 = RisClient.loggedIn(base, "expert2", "expert2-demo");
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        int[] before = consultationReference(admin);
        String healthy = receivedStudy(base, temp, "CT", null, 24, 512, 5.0);
        String pneumonia = receivedStudy(base, temp, "CT", null, 24, 512, 5.0);

        String healthyReport = item(expert, healthy).getString("reportId");
        assertEquals(200, expert.post("api/reporting/reports/" + healthyReport + "/claim", "").status());
        assertEquals(200, expert.put("api/reporting/reports/" + healthyReport + "/draft",
                draft(0, "CT0", "synthetic study without findings")).status());
        JsonObject signed = expert.post("api/reporting/reports/" + healthyReport + "/sign", "").json();
        assertEquals("DELIVERED", signed.getJsonObject("item").getString("state"), "CT-0 needs no second read");

        String pneumoniaReport = item(expert, pneumonia).getString("reportId");
        assertEquals(200, expert.post("api/reporting/reports/" + pneumoniaReport + "/claim", "").status());
        assertEquals(200, expert.put("api/reporting/reports/" + pneumoniaReport + "/draft",
                draft(40, "CT2", "synthetic study")).status());
        expert.post("api/reporting/reports/" + pneumoniaReport + "/sign", "");
        assertEquals("DELIVERED", expert2.post("api/reporting/reports/" + pneumoniaReport + "/second-read",
                "{\"agree\":true,\"comment\":\"agree\"}").json().getJsonObject("item").getString("state"));

        // The AI runs on each received study in the background; once both results are in, each case
        // counts on its side: CT-0 negative, CT-2 positive. An addendum changes nothing.
        assertEquals(200, expert.post("api/reporting/reports/" + pneumoniaReport + "/addenda",
                "{\"text\":\"Addendum: no change of class.\"}").status());
        Instant deadline = Instant.now().plusSeconds(120);
        int[] after = consultationReference(admin);
        while ((after[0] < before[0] + 1 || after[1] < before[1] + 1) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            after = consultationReference(admin);
        }
        assertEquals(before[0] + 1, after[0], "the CT-2 case is a positive: " + admin.get("api/admin/ai-quality").body());
        assertEquals(before[1] + 1, after[1], "the CT-0 case is a negative");
    }

    /** Positives and negatives the stage II AI is judged against, summed over the models. */
    private static int[] consultationReference(RisClient admin) {
        JsonArray accuracy = admin.get("api/admin/ai-quality").json().getJsonArray("accuracy");
        int[] counts = new int[2];
        for (JsonValue v : accuracy) {
            JsonObject a = v.asJsonObject();
            if ("CONSULTATION".equals(a.getString("stage"))) {
                counts[0] += a.getInt("positives");
                counts[1] += a.getInt("negatives");
            }
        }
        return counts;
    }
}
