package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
 * The clinic's command-line uploader against the real server: de-identifies locally, uploads every file
 * resumably, prints a summary and answers with its exit status (0 all stored, 3 some rejected,
 * 4 not authorised, 5 unreachable); a second run with the same work folder sends nothing again.
 */
@ExtendWith(ArquillianExtension.class)
class UploadCliTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;

    private String caseOfSession(String session) {
        return RisClient.loggedIn(base, "doctor.north", "north-demo").get("api/upload-sessions/" + session).json()
                .getString("caseId");
    }

    @Test
    void deidentifiesLocallyUploadsResumablyAndSaysWhatHappened() throws Exception {
        String session = CStoreCrashTest.openUploadSession(base);
        String caseId = caseOfSession(session);
        Path study = temp.resolve("Korolyova A P CT");
        SyntheticCt.write(study, 6, 128, 401_000_000 + System.nanoTime() % 1_000_000);
        Path secret = Files.writeString(temp.resolve("clinic.secret"), "northern-clinic-secret-0123456789");
        Path work = temp.resolve("work");

        UploadCli.Run first = UploadCli.run(base, "doctor.north", "north-demo", temp.resolve("first.log"),
                "--case", caseId, "--secret-file", secret.toString(), "--work", work.toString(), "--chunk-size", "4096",
                "--progress-seconds", "0", study.toString());
        assertEquals(0, first.exit(), first.output());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), first.output().lines().filter(l -> l.startsWith("upload-study: sent "))
                .map(l -> Integer.parseInt(l.split(" ")[2])).toList(), "a progress line after every file: " + first.output());
        assertTrue(first.output().contains("sent 6 of 6 files ("), first.output());
        assertEquals("upload-study: 6 file(s): 6 stored, 0 duplicate(s), 0 conflict(s), 0 rejected, 0 not sent",
                UploadCli.summary(first.output()), first.output());
        assertFalse(first.output().contains("Korolyova"), "no patient name in the uploader's output");
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        JsonObject view = north.get("api/upload-sessions/" + session).json();
        assertEquals(6, view.getInt("stored"), view.toString());
        assertTrue(view.getString("channels").contains("CLI"), view.toString());
        String state = Files.readString(work.resolve("state.tsv"), StandardCharsets.UTF_8);
        assertEquals(6, state.lines().filter(l -> l.contains("\tDONE\tSTORED\t")).count(), state);
        List<String> steps = state.lines().map(l -> l.split("\t")[1]).toList();
        assertTrue(steps.subList(0, steps.indexOf("DONE")).stream().filter("UPLOADING"::equals).count() >= 2,
                "several files travel at once (--parallel 3 by default): " + state);
        state.lines().filter(l -> l.contains("\tUPLOADING\t")).map(l -> l.substring(l.lastIndexOf('/') + 1))
                .forEach(id -> assertFalse(Files.exists(Path.of(RisDeployment.DATA_DIR, "uploads", id)),
                        "the uploader deletes each upload once it has the outcome: " + id));

        // Again with the same work folder: everything is known, nothing is sent.
        UploadCli.Run again = UploadCli.run(base, "doctor.north", "north-demo", temp.resolve("again.log"),
                "--case", caseId, "--secret-file", secret.toString(), "--work", work.toString(), study.toString());
        assertEquals(0, again.exit(), again.output());
        assertEquals(6, north.get("api/upload-sessions/" + session).json().getInt("stored"));
        assertEquals(0, north.get("api/upload-sessions/" + session).json().getInt("duplicates"),
                "nothing was sent again");
    }

    @Test
    void exitStatusesForRejectionsAuthorisationAndAnUnreachableServer() throws Exception {
        String session = CStoreCrashTest.openUploadSession(base);
        String caseId = caseOfSession(session);
        Path study = temp.resolve("study");
        SyntheticCt.write(study, 2, 128, 402_000_000 + System.nanoTime() % 1_000_000);
        Files.writeString(study.resolve("notes.txt"), "Patient Korolyova, phone +7 912 555 0199");

        // Sent as they are: the server de-identifies the DICOM files and refuses the text file with a reason.
        UploadCli.Run partial = UploadCli.run(base, "doctor.north", "north-demo", temp.resolve("partial.log"),
                "--session", session, "--already-deidentified", "--work", temp.resolve("w1").toString(),
                study.toString());
        assertEquals(3, partial.exit(), partial.output());
        assertEquals("upload-study: 3 file(s): 2 stored, 0 duplicate(s), 0 conflict(s), 1 rejected, 0 not sent",
                UploadCli.summary(partial.output()), partial.output());
        assertTrue(partial.output().contains("NOT_DICOM"), partial.output());

        UploadCli.Run wrongPassword = UploadCli.run(base, "doctor.north", "not-the-password",
                temp.resolve("auth.log"), "--session", session, "--already-deidentified", "--work",
                temp.resolve("w2").toString(), study.toString());
        assertEquals(4, wrongPassword.exit(), wrongPassword.output());

        UploadCli.Run foreign = UploadCli.run(base, "doctor.south", "south-demo", temp.resolve("foreign.log"),
                "--case", caseId, "--already-deidentified", "--work", temp.resolve("w3").toString(), study.toString());
        assertEquals(4, foreign.exit(), "another clinic's case: " + foreign.output());

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        UploadCli.Run unreachable = UploadCli.run(URI.create("http://127.0.0.1:" + closedPort + "/").toURL(),
                "doctor.north", "north-demo", temp.resolve("down.log"), "--session", session, "--already-deidentified",
                "--retries", "0", "--work", temp.resolve("w4").toString(), study.toString());
        assertEquals(5, unreachable.exit(), unreachable.output());
        assertTrue(UploadCli.summary(unreachable.output()).contains("unreachable"), unreachable.output());

        UploadCli.Run usage = UploadCli.run(base, "doctor.north", "north-demo", temp.resolve("usage.log"),
                "--session", session, study.toString());
        assertEquals(2, usage.exit(), "no secret file to de-identify with: " + usage.output());
        UploadCli.Run tooParallel = UploadCli.run(base, "doctor.north", "north-demo", temp.resolve("parallel.log"),
                "--session", session, "--already-deidentified", "--parallel", "0", study.toString());
        assertEquals(2, tooParallel.exit(), tooParallel.output());
        assertTrue(tooParallel.output().contains("--parallel must be between 1 and 8"), tooParallel.output());
    }
}
