package org.teleris.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tus 1.0 resource on the real server: creation, PATCH in chunks, HEAD offsets, a PATCH cut off
 * mid-body and resumed, checksums, termination, expiry headers, tenancy (another clinic gets 404, other
 * roles 403), wrong offsets 409, oversize 413, zips with hostile entries, and the partial bytes encrypted
 * at rest.
 */
@ExtendWith(ArquillianExtension.class)
class ResumableUploadTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RisDeployment.war();
    }

    @ArquillianResource
    URL base;

    @TempDir
    Path temp;

    static Map<String, String> tus(String... more) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Tus-Resumable", "1.0.0");
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates an upload and answers its path (relative to the base URL). */
    static String create(RisClient client, String session, long length) {
        HttpResponse<String> r = client.exchange("POST", "api/uploads", tus("Upload-Length", String.valueOf(length),
                "Upload-Metadata", "session " + b64(session) + ",filename " + b64("Korolyova_CT/IM0001.dcm")), null);
        assertEquals(201, r.statusCode(), r.body());
        String location = java.net.URI.create(r.headers().firstValue("Location").orElseThrow()).getRawPath();
        assertTrue(location.matches("/api/uploads/[0-9a-f]{32}"), location);
        assertTrue(r.headers().firstValue("Upload-Expires").isPresent());
        return location.substring(1);
    }

    static HttpResponse<String> patch(RisClient client, String upload, long offset, byte[] bytes, String... more) {
        Map<String, String> headers = tus(more);
        headers.put("Upload-Offset", String.valueOf(offset));
        headers.putIfAbsent("Content-Type", "application/offset+octet-stream");
        return client.exchange("PATCH", upload, headers, bytes);
    }

    static long offset(RisClient client, String upload) {
        HttpResponse<String> r = client.exchange("HEAD", upload, tus(), null);
        assertEquals(200, r.statusCode());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        return Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private List<byte[]> study(int slices, long seed) throws Exception {
        Path folder = temp.resolve("ct-" + seed);
        // unique per run: the data directory keeps the studies of earlier runs (they would be duplicates)
        SyntheticCt.write(folder, slices, 128, seed * 1_000_000 + System.nanoTime() % 1_000_000);
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.sorted().toList()) {
                files.add(Files.readAllBytes(f));
            }
        }
        return files;
    }

    @Test
    void chunksHeadOffsetsChecksumsAndTheOutcome() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        String session = CStoreCrashTest.openUploadSession(base);
        byte[] file = study(1, 301).get(0);

        HttpResponse<String> options = new RisClient(base).exchange("OPTIONS", "api/uploads", Map.of(), null);
        assertEquals(204, options.statusCode());
        assertEquals("1.0.0", options.headers().firstValue("Tus-Version").orElse(""));
        assertTrue(options.headers().firstValue("Tus-Extension").orElse("")
                .contains("creation,termination,expiration,checksum"));
        assertEquals(412, north.exchange("POST", "api/uploads", Map.of("Upload-Length", "10"), null).statusCode(),
                "no Tus-Resumable header: refused (also what keeps cross-site forms out)");
        assertEquals(400, north.exchange("POST", "api/uploads", tus("Upload-Length", "10"), null).statusCode(),
                "no session in the metadata");

        String upload = create(north, session, file.length);
        assertEquals(0, offset(north, upload));
        int chunk = 7_000;
        HttpResponse<String> first = patch(north, upload, 0, Arrays.copyOfRange(file, 0, chunk));
        assertEquals(204, first.statusCode(), first.body());
        assertEquals(String.valueOf(chunk), first.headers().firstValue("Upload-Offset").orElseThrow());
        assertEquals(chunk, offset(north, upload));

        HttpResponse<String> wrongOffset = patch(north, upload, 0, Arrays.copyOfRange(file, 0, 100));
        assertEquals(409, wrongOffset.statusCode(), wrongOffset.body());
        assertEquals("offset_mismatch", json(wrongOffset.body()).getString("error"));
        assertEquals(415, patch(north, upload, chunk, new byte[10], "Content-Type", "application/json").statusCode());
        HttpResponse<String> badSum = patch(north, upload, chunk, Arrays.copyOfRange(file, chunk, chunk * 2),
                "Upload-Checksum", "sha1 " + Base64.getEncoder().encodeToString(new byte[20]));
        assertEquals(460, badSum.statusCode(), badSum.body());
        assertEquals(chunk, offset(north, upload), "bytes failing their checksum are discarded");

        byte[] rest = Arrays.copyOfRange(file, chunk, file.length);
        String sha1 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(rest));
        HttpResponse<String> last = patch(north, upload, chunk, rest, "Upload-Checksum", "sha1 " + sha1);
        assertEquals(204, last.statusCode(), last.body());
        assertEquals(String.valueOf(file.length), last.headers().firstValue("Upload-Offset").orElseThrow());
        assertEquals("STORED", last.headers().firstValue("Upload-Outcome").orElse(""), last.headers().toString());
        assertEquals("stored=1;duplicate=0;conflict=0;rejected=0",
                last.headers().firstValue("Upload-Outcome-Counts").orElse(""));
        String sop = last.headers().firstValue("Upload-Outcome-Sop-Instance-Uid").orElseThrow();
        assertFalse(sop.startsWith(SyntheticCt.HOSPITAL_ROOT), "the stored instance has a de-identified UID");

        JsonObject described = north.get(upload).json();
        assertEquals("PROCESSED", described.getString("state"));
        assertEquals("STORED", described.getJsonArray("outcomes").getJsonObject(0).getString("status"));
        assertEquals(sop, described.getJsonArray("outcomes").getJsonObject(0).getString("sopInstanceUid"));
        assertFalse(described.toString().contains("Korolyova"), "no file name (or any PHI) is kept");
        HttpResponse<String> head = north.exchange("HEAD", upload, tus(), null);
        assertEquals("STORED", head.headers().firstValue("Upload-Outcome").orElse(""), "HEAD repeats the outcome");
        JsonObject counts = north.get("api/upload-sessions/" + session).json();
        assertEquals(1, counts.getInt("stored"), counts.toString());
        assertTrue(counts.getString("channels").contains("BROWSER"), counts.toString());

        // The same file again: a duplicate, nothing changes.
        String again = create(north, session, file.length);
        HttpResponse<String> dup = patch(north, again, 0, file);
        assertEquals("DUPLICATE", dup.headers().firstValue("Upload-Outcome").orElse(""));

        assertEquals(204, north.exchange("DELETE", upload, tus(), null).statusCode());
        assertEquals(404, north.exchange("HEAD", upload, tus(), null).statusCode());
        assertFalse(Files.exists(uploadDir(upload)), "termination deletes everything of the upload");
    }

    @Test
    void aPatchCutOffMidBodyResumesAtTheDurableOffsetAndTheBytesRestEncrypted() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        String session = CStoreCrashTest.openUploadSession(base);
        byte[] file = study(1, 302).get(0);
        String upload = create(north, session, file.length);

        // A raw PATCH announcing the whole file, of which only the first part is sent before the socket closes.
        int sent = file.length / 2;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH /" + upload + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream"
                    + "\r\nContent-Length: " + file.length + "\r\nCookie: " + north.cookieHeader() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(file, 0, sent);
            out.flush();
            Thread.sleep(500);
        }
        long durable = 0;
        for (int i = 0; i < 50 && durable == 0; i++) {
            Thread.sleep(200);
            durable = offset(north, upload);
        }
        assertTrue(durable > 0 && durable <= sent, "the bytes that arrived are kept: " + durable + " of " + sent);

        // At rest: neither the DICM magic nor the patient's name is readable in the partial file.
        Path dir = uploadDir(upload);
        byte[] atRest;
        try (Stream<Path> files = Files.list(dir)) {
            Path data = files.filter(f -> f.getFileName().toString().equals("data.enc")).findFirst().orElseThrow();
            atRest = Files.readAllBytes(data);
        }
        assertEquals(durable, atRest.length);
        assertFalse(new String(atRest, StandardCharsets.ISO_8859_1).contains("DICM"));
        assertFalse(new String(atRest, StandardCharsets.ISO_8859_1).contains("Korolyova"));
        assertFalse(Arrays.equals(Arrays.copyOf(file, (int) durable), atRest));

        HttpResponse<String> rest = patch(north, upload, durable, Arrays.copyOfRange(file, (int) durable, file.length));
        assertEquals(204, rest.statusCode(), rest.body());
        assertEquals("STORED", rest.headers().firstValue("Upload-Outcome").orElse(""));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".enc") || n.endsWith(".part") || n.endsWith(".tmp")).toList(),
                    "handed to the intake: no received bytes are kept");
        }
        assertEquals(204, north.exchange("DELETE", upload, tus(), null).statusCode());
    }

    @Test
    void tenancyRolesOversizeAndTermination() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        RisClient south = RisClient.loggedIn(base, "doctor.south", "south-demo");
        RisClient consultant = RisClient.loggedIn(base, "consultant", "consultant-demo");
        RisClient expert = RisClient.loggedIn(base, "expert", "expert-demo");
        String session = CStoreCrashTest.openUploadSession(base);
        byte[] file = study(1, 303).get(0);
        String upload = create(north, session, file.length);
        assertEquals(204, patch(north, upload, 0, Arrays.copyOf(file, 1000)).statusCode());

        HttpResponse<String> foreignCreate = south.exchange("POST", "api/uploads", tus("Upload-Length", "100",
                "Upload-Metadata", "session " + b64(session)), null);
        assertEquals(404, foreignCreate.statusCode(), "another clinic's session does not exist for them");
        assertEquals(404, south.exchange("HEAD", upload, tus(), null).statusCode());
        assertEquals(404, patch(south, upload, 1000, new byte[10]).statusCode());
        assertEquals(404, south.exchange("DELETE", upload, tus(), null).statusCode());
        assertEquals(404, south.get(upload).status());
        assertEquals(403, patch(consultant, upload, 1000, new byte[10]).statusCode());
        assertEquals(403, expert.exchange("POST", "api/uploads", tus("Upload-Length", "100",
                "Upload-Metadata", "session " + b64(session)), null).statusCode());
        assertEquals(401, new RisClient(base).exchange("HEAD", upload, tus(), null).statusCode());
        assertEquals(1000, offset(north, upload), "nothing the others tried changed the upload");

        HttpResponse<String> oversize = north.exchange("POST", "api/uploads", tus("Upload-Length",
                String.valueOf(1L << 40), "Upload-Metadata", "session " + b64(session)), null);
        assertEquals(413, oversize.statusCode(), oversize.body());
        assertEquals("too_large", json(oversize.body()).getString("error"));
        assertEquals(400, north.exchange("POST", "api/uploads", tus("Upload-Length", "-5",
                "Upload-Metadata", "session " + b64(session)), null).statusCode());
        assertEquals(404, north.exchange("POST", "api/uploads", tus("Upload-Length", "5",
                "Upload-Metadata", "session " + b64("no-such-session")), null).statusCode());
        assertEquals(404, north.exchange("HEAD", "api/uploads/0123456789abcdef0123456789abcdef", tus(), null)
                .statusCode());
        int traversal = north.exchange("HEAD", "api/uploads/..%2F..%2Fsecrets", tus(), null).statusCode();
        assertTrue(traversal == 404 || traversal == 400, "an id that is a path: " + traversal);

        // Termination of a partial upload: gone from the server and from the disk.
        assertTrue(Files.exists(uploadDir(upload)));
        assertEquals(204, north.exchange("DELETE", upload, tus(), null).statusCode());
        assertEquals(404, north.exchange("HEAD", upload, tus(), null).statusCode());
        assertEquals(404, patch(north, upload, 1000, new byte[10]).statusCode());
        assertFalse(Files.exists(uploadDir(upload)));

        // A completed session takes no new upload.
        String more = create(north, session, file.length);
        assertEquals("STORED", patch(north, more, 0, file).headers().firstValue("Upload-Outcome").orElse(""));
        assertEquals(200, north.post("api/upload-sessions/" + session + "/complete", "").status());
        HttpResponse<String> closed = north.exchange("POST", "api/uploads", tus("Upload-Length", "100",
                "Upload-Metadata", "session " + b64(session)), null);
        assertEquals(409, closed.statusCode(), closed.body());
    }

    @Test
    void aZipIsUnpackedEntryByEntryUnderGuards() throws Exception {
        RisClient north = RisClient.loggedIn(base, "doctor.north", "north-demo");
        String session = CStoreCrashTest.openUploadSession(base);
        List<byte[]> slices = study(3, 304);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            for (int i = 0; i < slices.size(); i++) {
                zip.putNextEntry(new ZipEntry("Korolyova A P/CT/IM" + i));
                zip.write(slices.get(i));
            }
            zip.putNextEntry(new ZipEntry("../../etc/cron.d/evil"));
            zip.write(slices.get(0));
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("Patient Korolyova, call +7 912 555 0199".getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = zipped.toByteArray();
        String upload = create(north, session, body.length);
        HttpResponse<String> done = patch(north, upload, 0, body);
        assertEquals(204, done.statusCode(), done.body());
        assertEquals("REJECTED", done.headers().firstValue("Upload-Outcome").orElse(""));
        assertEquals("stored=3;duplicate=0;conflict=0;rejected=2",
                done.headers().firstValue("Upload-Outcome-Counts").orElse(""));
        JsonObject described = north.get(upload).json();
        List<String> codes = described.getJsonArray("outcomes").stream()
                .map(v -> v.asJsonObject().getInt("entry") + ":" + v.asJsonObject().getString("status") + ":"
                        + v.asJsonObject().getString("reasonCode", "")).toList();
        assertEquals(List.of("1:STORED:", "2:STORED:", "3:STORED:", "4:REJECTED:UNSAFE_ENTRY_NAME",
                "5:REJECTED:NOT_DICOM"), codes);
        assertFalse(described.toString().contains("Korolyova"));

        // A decompression bomb: 64 MiB of zeros in a zip of a few tens of KiB.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("IM0001"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        String bombUpload = create(north, session, bomb.size());
        HttpResponse<String> bombed = patch(north, bombUpload, 0, bomb.toByteArray());
        assertEquals(204, bombed.statusCode(), bombed.body());
        assertTrue(bombed.headers().firstValue("Upload-Outcome-Reason").orElse("").startsWith("ZIP_BOMB"),
                bombed.headers().toString());
    }

    private static Path uploadDir(String upload) {
        return Path.of(RisDeployment.DATA_DIR, "uploads", upload.substring(upload.lastIndexOf('/') + 1));
    }

    static void assertBytes(byte[] expected, InputStream in) throws Exception {
        assertArrayEquals(expected, in.readAllBytes());
    }
}
