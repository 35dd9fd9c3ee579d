package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * kill -9 during a command-line upload: the product runs as its own process (as scripts/run starts it),
 * is killed with SIGKILL at random points while the clinic's uploader sends a study in small chunks,
 * restarted, and the uploader is run again with its state file. Afterwards every instance is stored
 * exactly once, byte-identical (SHA-256 per SOP Instance UID) to a clean run from the same server state,
 * the study was never visible as complete in between, and no partial upload, scratch or temp file is left.
 */
class UploadCrashTest {

    static final int SLICES = 24;
    static final int KILL_TRIALS = Integer.getInteger("ris.it.upload-kill-trials", 5);
    static final int UNSENT_AT_KILL = 8;

    private final Path work = Path.of(System.getProperty("ris.it.work-dir", "target")).resolve("upload-crash");
    private final int httpPort = Integer.getInteger("ris.it.crash-http-port", 18080);
    private final int dicomPort = Integer.getInteger("ris.it.crash-dicom-port", 18104);

    @Test
    void killedDuringAnUploadAndResumedEveryInstanceIsStoredOnceAsInACleanRun() throws Exception {
        CStoreCrashTest.deleteTree(work);
        Path study = work.resolve("Korolyova A P chest CT");
        SyntheticCt.write(study, SLICES, 512, 17);
        Path secret = Files.writeString(work.resolve("clinic.secret"), "northern-clinic-secret-0123456789");

        Path base = work.resolve("base");
        String sessionId;
        try (ProductProcess server = new ProductProcess(base, httpPort, dicomPort, environment())) {
            server.start();
            sessionId = CStoreCrashTest.openUploadSession(server);
        }
        Path cleanDir = CStoreCrashTest.copyTree(base, work.resolve("clean"));
        Path crashDir = CStoreCrashTest.copyTree(base, work.resolve("crash"));

        // The clean run; its de-identified copy is given to the crash run, so both send the same bytes.
        Path cleanWork = work.resolve("clean-work");
        long cleanMillis;
        try (ProductProcess server = new ProductProcess(cleanDir, httpPort, dicomPort, environment())) {
            server.start();
            long started = System.nanoTime();
            UploadCli.Run run = UploadCli.run(server.base(), "doctor.north", "north-demo",
                    work.resolve("clean-cli.log"), args(sessionId, secret, cleanWork, study));
            cleanMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(0, run.exit(), run.output());
            assertEquals(SLICES, CStoreCrashTest.session(server.base(), sessionId).getInt("stored"));
        }
        Map<String, String> clean = CStoreCrashTest.storedInstances(cleanDir.resolve("studies"));
        assertEquals(SLICES, clean.size(), "the clean run stored every instance");

        Path crashWork = work.resolve("crash-work");
        CStoreCrashTest.copyTree(cleanWork.resolve("deidentified"), crashWork.resolve("deidentified"));
        Random random = new Random();
        List<String> trials = new ArrayList<>();
        ProductProcess server = new ProductProcess(crashDir, httpPort, dicomPort, environment());
        try {
            server.start();
            for (int trial = 0; trial < KILL_TRIALS; trial++) {
                Path log = work.resolve("crash-cli-" + trial + ".log");
                Process uploader = UploadCli.builder(server.base(), "doctor.north", "north-demo", log,
                        args(sessionId, secret, crashWork, study)).start();
                // One login per trial: polling must be quick, or the uploader races past the kill point.
                RisClient poller = RisClient.loggedIn(server.base(), "doctor.north", "north-demo");
                int before = stored(poller, sessionId);
                // Each trial kills in its own stretch of the study, at a random file of it, and always with
                // UNSENT_AT_KILL files still to send: the uploader has three files in flight at once, and a
                // fast intake must not finish the upload before the kill lands.
                int stretch = (SLICES - UNSENT_AT_KILL) / KILL_TRIALS;
                int target = Math.min(SLICES - UNSENT_AT_KILL,
                        Math.max(before + 1, (trial + 1) * stretch + random.nextInt(Math.max(1, stretch / 2))));
                while (uploader.isAlive() && stored(poller, sessionId) < target) {
                    Thread.sleep(5 + random.nextInt(10));
                }
                Thread.sleep(random.nextInt(20)); // inside a PATCH or inside the intake
                assertTrue(uploader.isAlive(), "the kill must land during the upload (trial " + trial + ")");
                server.kill();
                assertTrue(uploader.waitFor(3, TimeUnit.MINUTES), "the uploader gives up when the server is gone");
                String output = Files.readString(log, StandardCharsets.UTF_8);
                assertEquals(5, uploader.exitValue(), "exit status 'server unreachable': " + output);
                server.start();
                CStoreCrashTest.assertNoTemporaryFiles(crashDir);
                JsonObject view = CStoreCrashTest.session(server.base(), sessionId);
                assertNotEquals("COMPLETE", view.getString("state"), "a half-sent study never becomes visible");
                trials.add("stored " + view.getInt("stored") + " at kill " + trial);
            }
            UploadCli.Run last = UploadCli.run(server.base(), "doctor.north", "north-demo",
                    work.resolve("crash-cli-last.log"), args(sessionId, secret, crashWork, study));
            assertEquals(0, last.exit(), last.output());
            assertTrue(UploadCli.summary(last.output()).contains(SLICES + " file(s): "), last.output());
            JsonObject view = CStoreCrashTest.session(server.base(), sessionId);
            assertEquals(SLICES, view.getInt("stored"), view.toString());
            assertEquals(0, view.getInt("conflicts"), view.toString());
            assertEquals(0, view.getInt("rejected"), view.toString());
            RisClient doctor = RisClient.loggedIn(server.base(), "doctor.north", "north-demo");
            JsonObject completed = doctor.post("api/upload-sessions/" + sessionId + "/complete", "").json();
            assertEquals(1, completed.getJsonArray("studies").size(), completed.toString());
            assertEquals(SLICES, completed.getJsonArray("studies").getJsonObject(0).getInt("instanceCount"));
        } finally {
            server.stop();
        }
        System.out.println("UploadCrashTest: " + KILL_TRIALS + " kill -9 trials (" + trials
                + "); the clean upload took " + cleanMillis + " ms");

        Map<String, String> crashed = CStoreCrashTest.storedInstances(crashDir.resolve("studies"));
        assertEquals(clean.keySet(), crashed.keySet(), "the same instances, each exactly once");
        assertEquals(clean, crashed, "byte-identical to the clean run");
        CStoreCrashTest.assertNoTemporaryFiles(crashDir);
        try (Stream<Path> files = Files.walk(crashDir.resolve("uploads"))) {
            List<Path> left = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().equals("data.enc")
                            || f.getFileName().toString().equals("outcomes.tsv")).toList();
            assertEquals(List.of(), left, "no received bytes or outcomes left: every upload was finished and deleted");
        }
        CStoreCrashTest.deleteTree(work);
    }

    private static int stored(RisClient doctor, String sessionId) {
        RisClient.Reply reply = doctor.get("api/upload-sessions/" + sessionId);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getInt("stored");
    }

    private static String[] args(String session, Path secret, Path work, Path study) {
        return new String[] {"--session", session, "--secret-file", secret.toString(), "--work", work.toString(),
                "--chunk-size", "65536", "--retries", "0", study.toString()};
    }

    private static Map<String, String> environment() {
        return Map.of("RIS_TRIAGE_TIME_LIMIT", "PT30M", "RIS_INTAKE_QUIET_PERIOD", "PT30M", "RIS_DICOM_PORT", "0");
    }
}
