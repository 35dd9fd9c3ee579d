package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage II intake through the real server: the full-study request opens an upload session; STOW-RS
 * and C-STORE (dcmtk's storescu) store de-identified instances exactly once; bad parts are refused
 * one by one with reasons; completing makes the study the experts'.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;

    /** A case of the northern clinic whose full study the consultant requested. */
    private String fullStudyRequested(RisClient north, RisClient consultant) {
        String caseId = north.post("api/cases", "{\"question\":\"Full study please\",\"modality\":\"CT\","
                + "\"bodyPart\":\"CHEST\"}").json().getString("id");
        assertEquals(200, consultant.post("api/cases/" + caseId + "/claim", "").status());
        assertEquals(200, consultant.post("api/cases/" + caseId + "/request-full-study",
                "{\"text\":\"Send the whole chest series\"}").status());
        return caseId;
    }

    static byte[] multipart(String boundary, List<byte[]> parts, String type) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Type: " + type + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(part);
            body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return body.toByteArray();
    }

    private RisClient.Reply stow(RisClient client, List<byte[]> parts, String type) {
        String boundary = "teleris-" + System.nanoTime();
        return client.postBytes("api/dicomweb/studies", "multipart/related; type=\"application/dicom\"; boundary="
                + boundary, multipart(boundary, parts, type));
    }

    private static List<byte[]> read(Path folder) throws IOException {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.sorted().toList()) {
                files.add(Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static int items(JsonObject stowResponse, String tag) {
        return stowResponse.containsKey(tag) ? stowResponse.getJsonObject(tag).getJsonArray("Value").size() : 0;
    }

    @Test
    void theSameStudySentAgainForALaterCaseIsStoredForThatCase() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        Path folder = temp.resolve("again");
        SyntheticCt.write(folder, 3, 64, System.nanoTime() % 1_000_000);
        List<byte[]> slices = read(folder);

        String first = fullStudyRequested(north, consultant);
        String firstSession = north.get("api/upload-sessions/by-case/" + first).json().getString("id");
        assertEquals(200, stow(north, slices, "application/dicom").status());
        JsonObject done = north.post("api/upload-sessions/" + firstSession + "/complete", "").json();
        String study = done.getJsonArray("studies").getJsonObject(0).getString("studyInstanceUid");

        // a month later the clinic asks about the same patient again and sends the same study
        String later = fullStudyRequested(north, consultant);
        String laterSession = north.get("api/upload-sessions/by-case/" + later).json().getString("id");
        assertEquals(200, stow(north, slices, "application/dicom").status(), "stored for this case, not refused");
        assertEquals(200, stow(north, slices.subList(0, 1), "application/dicom").status(), "a resend is idempotent");
        JsonObject again = north.post("api/upload-sessions/" + laterSession + "/complete", "").json();
        assertEquals("COMPLETE", again.getString("state"), again.toString());
        assertEquals(3, again.getInt("stored"), again.toString());
        assertEquals(1, again.getInt("duplicates"));
        assertEquals(study, again.getJsonArray("studies").getJsonObject(0).getString("studyInstanceUid"),
                "the same de-identified study");

        // each case gets its report; a reader sees every instance once
        List<String> worklistCases = expert.get("api/reporting/worklist").json().getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("caseId")).toList();
        assertTrue(worklistCases.contains(first) && worklistCases.contains(later), worklistCases.toString());
        JsonObject ct = expert.get("api/dicomweb/studies/" + study + "/series").array().stream()
                .map(v -> v.asJsonObject())
                .filter(v -> "CT".equals(v.getJsonObject("00080060").getJsonArray("Value").getString(0)))
                .findFirst().orElseThrow();
        assertEquals(3, ct.getJsonObject("00201209").getJsonArray("Value").getInt(0), ct.toString());
    }

    /**
     * Two cases get the same study at the same moment, one copy with one pixel changed in every slice: each
     * SOP Instance UID is stored with one content only, the other copy is a reported conflict, whichever
     * receiver indexes first (the index once judged each session on its own, and both could win).
     */
    @Test
    void differentContentUnderOneUidSentToTwoCasesAtOnceIsStoredOnce() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        List<byte[]> slices = read(writeCt("twice", RACED_SLICES, 17));
        List<byte[]> altered = new ArrayList<>();
        for (byte[] slice : slices) {
            byte[] copy = slice.clone();
            copy[copy.length - 1] ^= 0x01; // the last pixel: same header and UIDs, other content
            altered.add(copy);
        }
        String[] sessions = {openSession(north, consultant), openSession(north, consultant)};
        int stored = 0;
        int conflicts = 0;
        for (RisClient.Reply reply : stowAtOnce(north, sessions, List.of(slices, altered))) {
            JsonObject json = reply.json();
            stored += items(json, "00081199");
            conflicts += items(json, "00081198");
        }
        assertEquals(RACED_SLICES, stored, "each UID stored once, across both cases");
        assertEquals(RACED_SLICES, conflicts, "and the other content reported as a conflict");
        int indexed = 0;
        for (String session : sessions) {
            JsonObject s = north.get("api/upload-sessions/" + session).json();
            indexed += s.getInt("stored");
        }
        assertEquals(RACED_SLICES, indexed);

        // the same content to two more cases at once: both keep every instance (the later claim yields, then indexes)
        String[] more = {openSession(north, consultant), openSession(north, consultant)};
        List<byte[]> fresh = read(writeCt("same", RACED_SLICES, 19));
        for (RisClient.Reply r : stowAtOnce(north, more, List.of(fresh, fresh))) {
            assertEquals(200, r.status(), r.body());
            assertEquals(RACED_SLICES, items(r.json(), "00081199"));
        }
        for (String session : more) {
            assertEquals(RACED_SLICES, north.get("api/upload-sessions/" + session).json().getInt("stored"));
        }
    }

    private static final int RACED_SLICES = 30;

    /** The upload session of a new case whose full study was requested. */
    private String openSession(RisClient north, RisClient consultant) {
        return north.get("api/upload-sessions/by-case/" + fullStudyRequested(north, consultant)).json().getString("id");
    }

    /** STOW-RS of {@code studies.get(i)} into {@code sessions[i]}, all requests released at the same moment. */
    private static List<RisClient.Reply> stowAtOnce(RisClient client, String[] sessions, List<List<byte[]>> studies)
            throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(sessions.length);
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(sessions.length);
        try {
            List<java.util.concurrent.Future<RisClient.Reply>> pending = new ArrayList<>();
            for (int i = 0; i < sessions.length; i++) {
                String session = sessions[i];
                String boundary = "teleris-" + System.nanoTime() + "-" + i;
                byte[] body = multipart(boundary, studies.get(i), "application/dicom");
                pending.add(senders.submit(() -> {
                    start.await();
                    return client.postBytes("api/dicomweb/studies?session=" + session,
                            "multipart/related; type=\"application/dicom\"; boundary=" + boundary, body);
                }));
            }
            List<RisClient.Reply> replies = new ArrayList<>();
            for (var reply : pending) {
                replies.add(reply.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void stowStoresDeidentifiedInstancesOnceAndRefusesBadPartsWithReasons() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient south = RisClient.loggedIn(base, "doctor.south", "south-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        String caseId = fullStudyRequested(north, consultant);

        JsonObject session = north.get("api/upload-sessions/by-case/" + caseId).json();
        assertEquals("OPEN", session.getString("state"));
        String sessionId = session.getString("id");
        assertEquals(404, south.get("api/upload-sessions/" + sessionId).status(), "another clinic never sees it");
        assertEquals(200, expert.get("api/upload-sessions/" + sessionId).status());
        assertEquals(409, north.post("api/upload-sessions/" + sessionId + "/complete", "").status(),
                "nothing to complete yet");

        List<byte[]> slices = read(writeCt("ct", 4, 11));
        RisClient.Reply first = stow(north, slices.subList(0, 3), "application/dicom");
        assertEquals(200, first.status(), first.body());
        assertEquals(3, items(first.json(), "00081199"));
        String storedUid = first.json().getJsonObject("00081199").getJsonArray("Value").getJsonObject(0)
                .getJsonObject("00081155").getJsonArray("Value").getString(0);
        assertTrue(storedUid.startsWith("2.25."), "UIDs are remapped: " + storedUid);
        for (String phi : List.of("Korolyova", "MRN-4471", SyntheticCt.HOSPITAL_ROOT)) {
            assertFalse(first.body().contains(phi), "the response names no PHI: " + phi);
        }

        // the same instances again: idempotent
        RisClient.Reply again = stow(north, slices.subList(0, 3), "application/dicom");
        assertEquals(200, again.status(), again.body());
        session = north.get("api/upload-sessions/" + sessionId).json();
        assertEquals("RECEIVING", session.getString("state"));
        assertEquals(3, session.getInt("stored"));
        assertEquals(3, session.getInt("duplicates"));

        // one good part among bad ones: each bad part is refused with its reason, the good one stored
        byte[] truncated = java.util.Arrays.copyOf(slices.get(3), 700);
        byte[] notDicom = "just some text, not an image".getBytes(StandardCharsets.US_ASCII);
        byte[] wrongPreamble = slices.get(3).clone();
        wrongPreamble[128] = 'X';
        RisClient.Reply mixed = stow(north, List.of(notDicom, truncated, wrongPreamble, slices.get(3)),
                "application/dicom");
        assertEquals(202, mixed.status(), mixed.body());
        assertEquals(1, items(mixed.json(), "00081199"));
        assertEquals(3, items(mixed.json(), "00081198"));
        JsonArray failed = mixed.json().getJsonObject("00081198").getJsonArray("Value");
        for (int i = 0; i < failed.size(); i++) {
            String comment = failed.getJsonObject(i).getJsonObject("00000902").getJsonArray("Value").getString(0);
            assertFalse(comment.isBlank());
        }
        session = north.get("api/upload-sessions/" + sessionId).json();
        assertEquals(4, session.getInt("stored"));
        assertEquals(3, session.getInt("rejected"));
        assertEquals(3, session.getJsonArray("rejections").size());
        JsonObject study = session.getJsonArray("studies").getJsonObject(0);
        assertEquals(4, study.getInt("instanceCount"));
        assertTrue(study.getString("studyInstanceUid").startsWith("2.25."));

        // bad requests are clear 4xx, never 500
        assertEquals(415, north.postBytes("api/dicomweb/studies", "application/dicom", slices.get(0)).status());
        assertEquals(400, north.postBytes("api/dicomweb/studies", "multipart/related; boundary=x",
                "no parts here".getBytes(StandardCharsets.US_ASCII)).status());
        assertEquals(409, stow(south, slices.subList(0, 1), "application/dicom").status(),
                "the southern clinic has no open session");
        assertEquals(403, stow(expert, slices.subList(0, 1), "application/dicom").status());

        // the stored files: one per instance, no temp files, no PHI in them
        Path store = Path.of(RisDeployment.DATA_DIR, "studies");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(store)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no temp files");
        List<Path> ours = files.stream().filter(f -> f.toString().contains(study.getString("studyInstanceUid"))).toList();
        assertEquals(4, ours.size());
        for (Path f : ours) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains("Korolyova") || content.contains("MRN-4471-0923"), "PHI in " + f);
        }

        // QIDO/WADO: the sending clinic sees its receiving study; the reference centre only once complete
        String studyUid = study.getString("studyInstanceUid");
        assertEquals(1, north.get("api/dicomweb/studies?StudyInstanceUID=" + studyUid).array().size());
        assertEquals(0, expert.get("api/dicomweb/studies?StudyInstanceUID=" + studyUid).array().size());
        assertEquals(404, expert.get("api/dicomweb/studies/" + studyUid + "/series").status());
        assertEquals(0, south.get("api/dicomweb/studies?StudyInstanceUID=" + studyUid).array().size());
        assertQidoMatchingKeys(north, studyUid);

        // complete: the experts' now; nothing more accepted
        JsonObject completed = north.post("api/upload-sessions/" + sessionId + "/complete", "").json();
        assertEquals("COMPLETE", completed.getString("state"));
        assertEquals(409, north.post("api/upload-sessions/" + sessionId + "/complete", "").status());
        RisClient.Reply late = north.postBytes("api/dicomweb/studies?session=" + sessionId,
                "multipart/related; type=\"application/dicom\"; boundary=b",
                multipart("b", List.of(slices.get(0)), "application/dicom"));
        assertEquals(409, late.status(), late.body());
        assertTrue(late.body().contains("SESSION_COMPLETE"), late.body());

        JsonObject found = expert.get("api/dicomweb/studies?StudyInstanceUID=" + studyUid).array().getJsonObject(0);
        assertEquals(4, found.getJsonObject("00201208").getJsonArray("Value").getInt(0));
        assertEquals("CT", found.getJsonObject("00080061").getJsonArray("Value").getString(0));
        JsonArray series = expert.get("api/dicomweb/studies/" + studyUid + "/series").array();
        String seriesUid = series.getJsonObject(0).getJsonObject("0020000E").getJsonArray("Value").getString(0);
        JsonArray instances = expert.get("api/dicomweb/studies/" + studyUid + "/series/" + seriesUid + "/instances")
                .array();
        assertEquals(4, instances.size());
        String sop = instances.getJsonObject(0).getJsonObject("00080018").getJsonArray("Value").getString(0);
        String base = "api/dicomweb/studies/" + studyUid + "/series/" + seriesUid + "/instances/" + sop;
        RisClient.Reply metadata = expert.get(base + "/metadata");
        assertEquals(200, metadata.status(), metadata.body());
        JsonObject attributes = metadata.array().getJsonObject(0);
        assertEquals(64, attributes.getJsonObject("00280010").getJsonArray("Value").getInt(0));
        assertFalse(metadata.body().contains("Korolyova"), "metadata of the de-identified instance");
        byte[] frame = expert.download(base + "/frames/1");
        assertTrue(frame.length > 64 * 64 * 2 && frame.length < 64 * 64 * 2 + 400, "one raw frame: " + frame.length);
        byte[] png = expert.download(base + "/rendered");
        assertEquals(64, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth());
        byte[] instance = expert.download(base);
        assertTrue(new String(instance, StandardCharsets.ISO_8859_1).contains("DICM"), "multipart with the instance");
        assertEquals(404, south.get(base + "/metadata").status(), "another clinic's study does not exist for it");
        assertEquals(404, expert.get("api/dicomweb/studies/1.2.3/series").status());
        assertEquals(400, expert.get(base + "/frames/abc").status());
        assertEquals(400, expert.get("api/dicomweb/studies?limit=0").status());
    }

    @Test
    void storescuSendsAStudyIntoTheOpenSessionExactlyOnce() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        // an association names no case: it feeds the organisation's newest open session
        String caseId = fullStudyRequested(north, consultant);
        String sessionId = north.get("api/upload-sessions/by-case/" + caseId).json().getString("id");
        Path folder = temp.resolve("cstore");
        // a new study per run: the index outlives a run in the same work tree, and UIDs are deterministic
        SyntheticCt.write(folder, 24, 512, System.nanoTime() % 1_000_000, 5.0);

        Dcmtk.Run sent = Dcmtk.store(Dcmtk.dicomPort(), "NORTH_CT", folder);
        assertEquals(0, sent.exit(), Dcmtk.tail(sent.output()));
        Dcmtk.Run resent = Dcmtk.store(Dcmtk.dicomPort(), "NORTH_CT", folder);
        assertEquals(0, resent.exit(), Dcmtk.tail(resent.output()));

        JsonObject session = north.get("api/upload-sessions/" + sessionId).json();
        assertEquals(24, session.getInt("stored"), session.toString());
        assertEquals(24, session.getInt("duplicates"));
        assertEquals("C_STORE", session.getString("channels"));
        String study = session.getJsonArray("studies").getJsonObject(0).getString("studyInstanceUid");
        assertEquals(24, session.getJsonArray("studies").getJsonObject(0).getInt("instanceCount"));

        // completing the study runs the AI on it; its result is counted, its outputs join the study
        RisClient admin = RisClient.loggedIn(base, "admin", "admin-demo");
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        int runsBefore = aiRuns(admin);
        assertEquals("COMPLETE", north.post("api/upload-sessions/" + sessionId + "/complete", "").json()
                .getString("state"));
        assertTrue(awaitAiRuns(admin, runsBefore + 1, 90) > runsBefore, "the AI ran on the received study");
        JsonObject after = north.get("api/upload-sessions/" + sessionId).json();
        assertTrue(after.getString("channels").contains("AI"), "the AI's outputs joined the study: " + after);
        assertTrue(after.getInt("stored") >= 26, "an SR and research captures: " + after);
        assertEquals("FULL_STUDY_REQUESTED", north.get("api/cases/" + caseId).json().getString("state"),
                "the AI never changes a case");
        // the outputs are in the study for every DICOMweb client; the SR passes dciodvfy
        JsonArray aiSeries = expert.get("api/dicomweb/studies/" + study + "/series").array();
        String srSeries = null;
        String scSeries = null;
        for (var s : aiSeries) {
            String modality = s.asJsonObject().getJsonObject("00080060").getJsonArray("Value").getString(0);
            String uid = s.asJsonObject().getJsonObject("0020000E").getJsonArray("Value").getString(0);
            if ("SR".equals(modality)) {
                srSeries = uid;
            } else if (!"CT".equals(modality)) {
                scSeries = uid;
            }
        }
        assertTrue(srSeries != null && scSeries != null, "an SR series and a capture series: " + aiSeries);
        String srSop = expert.get("api/dicomweb/studies/" + study + "/series/" + srSeries + "/instances").array()
                .getJsonObject(0).getJsonObject("00080018").getJsonArray("Value").getString(0);
        byte[] multipart = expert.download("api/dicomweb/studies/" + study + "/series/" + srSeries + "/instances/" + srSop);
        Path sr = temp.resolve("ai-sr.dcm");
        Files.write(sr, dicomPart(multipart));
        Dcmtk.Run check = Dcmtk.run(List.of("dciodvfy", sr.toString()), 2);
        assertFalse(check.output().contains("Error"), Dcmtk.tail(check.output()));
        assertEquals("COMPLETE", after.getString("state"), "the AI changes nothing of the upload");

        // on demand, with a registered model; refusals are clear
        RisClient south = RisClient.loggedIn(base, "doctor.south", "south-demo");
        String model = expert.get("api/ai/models").array().getJsonObject(0).getString("id");
        int afterFirst = aiRuns(admin);
        assertEquals(202, expert.post("api/ai/studies/" + study + "/runs", "{\"modelId\":\"" + model + "\"}").status());
        assertEquals(400, expert.post("api/ai/studies/" + study + "/runs", "{\"modelId\":\"no-such-model\"}").status());
        assertEquals(404, south.post("api/ai/studies/" + study + "/runs", "{}").status(), "another clinic's study");
        assertEquals(403, consultant.post("api/ai/studies/" + study + "/runs", "{}").status());
        assertTrue(awaitAiRuns(admin, afterFirst + 1, 90) > afterFirst, "the on-demand run was recorded");
        assertEquals(0, defects(admin.get("api/admin/ai-quality").json(), "FAILED"),
                "no run failed: " + admin.get("api/admin/ai-quality").body());
    }

    /** The body of the single part of a multipart/related answer. */
    static byte[] dicomPart(byte[] multipart) {
        String text = new String(multipart, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n") + 4;
        int end = text.lastIndexOf("\r\n--");
        return java.util.Arrays.copyOfRange(multipart, start, end);
    }

    static int aiRuns(RisClient admin) {
        return admin.get("api/admin/ai-quality").json().getJsonArray("models").stream()
                .mapToInt(m -> m.asJsonObject().getInt("runs")).sum();
    }

    /** Waits up to {@code seconds} for the AI runs counted by the admin's quality panel to reach {@code atLeast}. */
    static int awaitAiRuns(RisClient admin, int atLeast, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        int runs = aiRuns(admin);
        while (runs < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(500);
            runs = aiRuns(admin);
        }
        return runs;
    }

    /** The AI results of one defect type (FAILED, TIMED_OUT, QUEUE_FULL...) over all models of the quality panel. */
    static int defects(JsonObject quality, String type) {
        return quality.getJsonArray("models").stream()
                .mapToInt(m -> m.asJsonObject().getJsonObject("defects").getInt(type, 0)).sum();
    }

    private Path writeCt(String name, int slices, long seed) throws Exception {
        Path folder = temp.resolve(name);
        SyntheticCt.write(folder, slices, 64, seed * 1_000_000 + System.nanoTime() % 1_000_000);
        return folder;
    }

    /**
     * QIDO-RS keys by tag as well as keyword, UID lists, and clear 400s: a 200-digit UID used to reach the audit log
     * (whose object id holds 128 characters) and answer 500; a tag-named key used to be ignored silently, so the
     * search answered every study.
     */
    private static void assertQidoMatchingKeys(RisClient north, String studyUid) {
        assertEquals(1, north.get("api/dicomweb/studies?0020000D=" + studyUid).array().size());
        assertEquals(0, north.get("api/dicomweb/studies?0020000D=2.25.1").array().size());
        assertEquals(1, north.get("api/dicomweb/studies?StudyInstanceUID=2.25.1%5C" + studyUid).array().size());
        assertEquals(1, north.get("api/dicomweb/studies?StudyInstanceUID=2.25.1," + studyUid).array().size());
        for (String bad : List.of("StudyInstanceUID=" + "1".repeat(200), "StudyInstanceUID=abc", "StudyDate=2026-01-01",
                "limit=abc", "offset=-1")) {
            RisClient.Reply reply = north.get("api/dicomweb/studies?" + bad);
            assertEquals(400, reply.status(), bad + ": " + reply.body());
            assertTrue(reply.body().contains(bad.substring(0, bad.indexOf('='))), reply.body());
        }
        String seriesPath = "api/dicomweb/studies/" + studyUid + "/series";
        JsonObject series = north.get(seriesPath).array().getJsonObject(0);
        String seriesUid = series.getJsonObject("0020000E").getJsonArray("Value").getString(0);
        assertEquals(1, north.get(seriesPath + "?Modality=CT").array().size());
        assertEquals(0, north.get(seriesPath + "?Modality=MR").array().size(), "a series key is matched, not ignored");
        assertEquals(1, north.get(seriesPath + "?0020000E=2.25.1," + seriesUid).array().size());
        assertEquals(400, north.get(seriesPath + "?SeriesNumber=three").status());
        String instancesPath = seriesPath + "/" + seriesUid + "/instances";
        int all = north.get(instancesPath).array().size();
        assertEquals(Math.min(2, all), north.get(instancesPath + "?limit=2").array().size());
        JsonObject first = north.get(instancesPath).array().getJsonObject(0);
        assertEquals(1, north.get(instancesPath + "?SOPInstanceUID="
                + first.getJsonObject("00080018").getJsonArray("Value").getString(0)).array().size());
        java.net.http.HttpResponse<String> ignored = north.exchange("GET",
                "api/dicomweb/studies?StudyInstanceUID=" + studyUid + "&ReferringPhysicianName=X*",
                java.util.Map.of("Accept", "application/dicom+json"), null);
        assertEquals(200, ignored.statusCode());
        assertTrue(ignored.headers().firstValue("Warning").orElse("").startsWith("299 ")
                && ignored.headers().firstValue("Warning").orElse("").contains("ReferringPhysicianName"),
                ignored.headers().map().toString());
    }
}
