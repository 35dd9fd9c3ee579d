package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * kill -9 during a C-STORE transfer: the product is started as its own process, killed with
 * SIGKILL at random points while storescu sends a 300-slice CT, restarted, and the study is sent
 * again. Afterwards every instance must be stored exactly once, byte-identical to what a clean run
 * of the same server state produces, with no temporary file left anywhere in the data directory.
 */
class CStoreCrashTest {

    static final int SLICES = 300;
    static final int KILL_TRIALS = Integer.getInteger("ris.it.kill-trials", 4);
    private static final int KILL_MARGIN = 30;

    private final Path work = Path.of(System.getProperty("ris.it.work-dir", "target")).resolve("cstore-crash");
    private final int httpPort = Integer.getInteger("ris.it.crash-http-port", 18080);
    private final int dicomPort = Integer.getInteger("ris.it.crash-dicom-port", 18104);

    @Test
    void killedDuringATransferAndResentEveryInstanceIsStoredOnceAsInACleanRun() throws Exception {
        deleteTree(work);
        Path study = work.resolve("study");
        SyntheticCt.write(study, SLICES, 512, 7);

        // One server state (database, organisations, keys, the case and its open upload session) copied
        // twice, so the clean run and the crash run de-identify alike into the same session.
        Path base = work.resolve("base");
        String sessionId;
        try (ProductProcess server = new ProductProcess(base, httpPort, dicomPort, environment())) {
            server.start();
            sessionId = openUploadSession(server);
        }
        Path cleanDir = copyTree(base, work.resolve("clean"));
        Path crashDir = copyTree(base, work.resolve("crash"));

        long cleanMillis;
        Map<String, String> clean;
        try (ProductProcess server = new ProductProcess(cleanDir, httpPort, dicomPort, environment())) {
            server.start();
            long started = System.nanoTime();
            Dcmtk.Run run = Dcmtk.store(dicomPort, "NORTH_CT", study);
            cleanMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(SLICES, Dcmtk.count(run.output(), "Received Store Response (Success)"), Dcmtk.tail(run.output()));
            assertEquals(SLICES, session(server.base(), sessionId).getInt("stored"));
        }
        clean = storedInstances(cleanDir.resolve("studies"));
        assertEquals(SLICES, clean.size(), "the clean run stored every instance");

        Random random = new Random();
        List<Long> killedAfter = new ArrayList<>();
        ProductProcess server = new ProductProcess(crashDir, httpPort, dicomPort, environment());
        try {
            server.start();
            for (int trial = 0; trial < KILL_TRIALS; trial++) {
                Process sender = storescu(study, crashDir.resolve("logs/storescu-" + trial + ".log"));
                // Kill when a random number of new instances has arrived since this trial began, within
                // the first quarter of what is still missing less a margin: at least KILL_MARGIN instances
                // (~100 ms of transfer even on a quiet machine, several polls) are left for the kill to land
                // before storescu is done. Without the margin, the last trial's few remaining instances once
                // went through before the poll saw its target. A kill lands some instances after its target
                // (a poll's latency on a loaded machine: 24 once); with half of the rest per trial instead of
                // a quarter, those overshoots added up and left the fourth trial fewer than the margin.
                int before = session(server.base(), sessionId).getInt("stored");
                int target = before + 1 + random.nextInt(Math.max(1, (SLICES - KILL_MARGIN - before) / 4));
                long started = System.nanoTime();
                while (sender.isAlive() && session(server.base(), sessionId).getInt("stored") < target) {
                    Thread.sleep(10 + random.nextInt(30));
                }
                long delay = (System.nanoTime() - started) / 1_000_000;
                assertTrue(sender.isAlive(), "the kill must land during the transfer (trial " + trial + ")");
                server.kill();
                killedAfter.add(delay);
                assertTrue(sender.waitFor(2, TimeUnit.MINUTES), "storescu ends when its peer dies");
                server.start();
                assertNoTemporaryFiles(crashDir);
                jakarta.json.JsonObject view = session(server.base(), sessionId);
                assertNotEquals("COMPLETE", view.getString("state"), "a half-sent study never becomes visible");
                assertTrue(view.getInt("stored") < SLICES, "the kill landed before the end: " + view);
            }
            Dcmtk.Run resend = Dcmtk.store(dicomPort, "NORTH_CT", study);
            assertEquals(SLICES, Dcmtk.count(resend.output(), "Received Store Response (Success)"),
                    Dcmtk.tail(resend.output()));
            jakarta.json.JsonObject view = session(server.base(), sessionId);
            assertEquals(SLICES, view.getInt("stored"), view.toString());
            assertEquals(0, view.getInt("conflicts"), view.toString());
        } finally {
            server.stop();
        }
        System.out.println("CStoreCrashTest: " + KILL_TRIALS + " kill -9 trials, killed after (ms) " + killedAfter
                + "; the clean transfer took " + cleanMillis + " ms");

        Map<String, String> crashed = storedInstances(crashDir.resolve("studies"));
        assertEquals(clean.keySet(), crashed.keySet(), "the same instances, each exactly once");
        assertEquals(clean, crashed, "byte-identical to the clean run");
        assertNoTemporaryFiles(crashDir);
        deleteTree(work);
    }

    private static Map<String, String> environment() {
        // A quiet period longer than any restart: the session must stay open across the kills.
        // One organisations key for both copies: the server creates it on first use, which comes after
        // the base state was copied, so each copy would otherwise de-identify with its own key.
        return Map.of("RIS_TRIAGE_TIME_LIMIT", "PT30M", "RIS_INTAKE_QUIET_PERIOD", "PT30M",
                "RIS_SECRET_ORGANISATIONS", java.util.Base64.getEncoder().encodeToString(
                        "teleris crash test organisations key".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private Process storescu(Path study, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("storescu", "--no-halt", "-aet", "NORTH_CT", "-aec", "TELERIS", "+sd",
                "+r", "127.0.0.1", String.valueOf(dicomPort), study.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TCP_NODELAY", "1");
        return builder.start();
    }

    /** The real workflow: a doctor asks, a consultant claims and requests the full study. */
    static String openUploadSession(ProductProcess server) throws Exception {
        return openUploadSession(server.base());
    }

    /** Returns the id of the case's upload session, once it is open. */
    static String openUploadSession(java.net.URL base) throws Exception {
        RisClient doctor = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient.Reply created = doctor.post("api/cases",
                "{\"question\":\"Crash test " + RisClient.marker() + "\",\"modality\":\"CT\",\"bodyPart\":\"CHEST\"}");
        assertEquals(201, created.status(), created.body());
        String caseId = created.json().getString("id");
        assertEquals(200, consultant.post("api/cases/" + caseId + "/claim", "").status());
        RisClient.Reply requested = consultant.post("api/cases/" + caseId + "/request-full-study",
                "{\"text\":\"Send the full chest CT\"}");
        assertEquals(200, requested.status(), requested.body());
        for (int i = 0; i < 100; i++) {
            RisClient.Reply session = doctor.get("api/upload-sessions/by-case/" + caseId);
            if (session.status() == 200) {
                return session.json().getString("id");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no upload session opened for case " + caseId);
    }

    static jakarta.json.JsonObject session(java.net.URL base, String sessionId) {
        RisClient doctor = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient.Reply reply = doctor.get("api/upload-sessions/" + sessionId);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Every stored DICOM file under the data directory: SOP Instance UID -> SHA-256; a UID twice fails. */
    static Map<String, String> storedInstances(Path dataDir) throws Exception {
        Map<String, String> found = new TreeMap<>();
        Map<String, Path> where = new HashMap<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(CStoreCrashTest::isPart10).toList()) {
                AttributeList list = new AttributeList();
                try (DicomInputStream in = new DicomInputStream(file.toFile())) {
                    list.read(in, TagFromName.PixelData);
                }
                String uid = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
                Path previous = where.put(uid, file);
                assertTrue(previous == null, "instance stored twice: " + previous + " and " + file);
                found.put(uid, sha256(file));
            }
        }
        return found;
    }

    static boolean isPart10(Path file) {
        String name = file.toString();
        if (name.contains("/payara/") || name.contains("/db/") || name.contains("/logs/")) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    static void assertNoTemporaryFiles(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<Path> temporary = files.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().contains("/payara/") && !file.toString().contains("/db/"))
                    .filter(file -> {
                        String name = file.getFileName().toString().toLowerCase();
                        return name.endsWith(".part") || name.endsWith(".tmp") || name.contains(".tmp")
                                || name.startsWith("tmp") || name.startsWith(".");
                    }).toList();
            assertTrue(temporary.isEmpty(), "temporary files left behind: " + temporary);
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65_536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A copy of a product's data directory without its logs. */
    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.toString().contains("/logs/")) {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
