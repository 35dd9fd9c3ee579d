package org.teleris.consult.infrastructure.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.consult.application.upload.ChecksumClaim;
import org.teleris.consult.application.upload.FileOutcome;
import org.teleris.consult.application.upload.UploadStore;
import org.teleris.consult.domain.upload.ResumableUpload;

class EncryptedUploadStoreTest {

    @TempDir
    Path data;

    private EncryptedUploadStore store() {
        EncryptedUploadStore store = new EncryptedUploadStore();
        store.dataDir = data.toString();
        store.secrets = organisation -> ("secret-of-" + organisation).getBytes(StandardCharsets.UTF_8);
        return store;
    }

    private static ResumableUpload upload(String id, long length) {
        Instant now = Instant.now();
        return new ResumableUpload(id, "org-north", "doctor.north", "session-1", "BROWSER", length, 0, now, now, false);
    }

    @Test
    void chunksAtOddOffsetsDecryptToTheOriginalAndNothingIsReadableAtRest() throws Exception {
        EncryptedUploadStore store = store();
        byte[] original = new byte[200_003];
        new Random(5).nextBytes(original);
        byte[] name = "DICM Korolyova^Anastasia".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, original, 128, name.length);
        ResumableUpload u = upload("0123456789abcdef0123456789abcdef", original.length);
        store.create(u);
        int[] cuts = {0, 1, 17, 4095, 65_537, 131_075, original.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            ResumableUpload now = store.find(u.id()).orElseThrow();
            assertEquals(cuts[i], now.offset());
            UploadStore.Appended a = store.append(now, new ByteArrayInputStream(original, cuts[i], cuts[i + 1] - cuts[i]),
                    now.length() - now.offset(), null);
            assertEquals(cuts[i + 1], a.offset());
        }
        ResumableUpload done = store.find(u.id()).orElseThrow();
        assertTrue(done.received());
        byte[] atRest = Files.readAllBytes(data.resolve("uploads").resolve(u.id()).resolve("data.enc"));
        assertEquals(original.length, atRest.length);
        assertFalse(new String(atRest, StandardCharsets.ISO_8859_1).contains("Korolyova"));
        Path plain = store.plaintext(done);
        assertArrayEquals(original, Files.readAllBytes(plain));
        Files.delete(plain);

        store.recordOutcomes(done, List.of(new FileOutcome(0, "REJECTED", null, "NOT_DICOM", "Not a DICOM\tfile")));
        assertFalse(Files.exists(data.resolve("uploads").resolve(u.id()).resolve("data.enc")), "bytes dropped");
        assertEquals("NOT_DICOM", store.outcomes(u.id()).get(0).reasonCode());
        assertTrue(store.find(u.id()).orElseThrow().processed());
        store.delete(u.id());
        assertFalse(Files.exists(data.resolve("uploads").resolve(u.id())));
    }

    @Test
    void aBadChecksumKeepsNothingAndAClientGoneKeepsWhatArrived() throws Exception {
        EncryptedUploadStore store = store();
        byte[] original = new byte[10_000];
        new Random(6).nextBytes(original);
        ResumableUpload u = upload("abcdefabcdefabcdefabcdefabcdef01", original.length);
        store.create(u);
        ChecksumClaim wrong = new ChecksumClaim("sha1", new byte[20]);
        UploadStore.Appended bad = store.append(store.find(u.id()).orElseThrow(), new ByteArrayInputStream(original),
                original.length, wrong);
        assertTrue(bad.checksumMismatch());
        assertEquals(0, store.find(u.id()).orElseThrow().offset());

        InputStream dies = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent == 3000) {
                    throw new IOException("connection reset");
                }
                return original[sent++] & 0xff;
            }
        };
        UploadStore.Appended cut = store.append(store.find(u.id()).orElseThrow(), dies, original.length, null);
        assertEquals(3000, cut.offset());
        assertTrue(cut.clientGone() != null);
        ResumableUpload at = store.find(u.id()).orElseThrow();
        assertEquals(3000, at.offset());
        ChecksumClaim right = new ChecksumClaim("sha256",
                MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(original, 3000, original.length)));
        store.append(at, new ByteArrayInputStream(original, 3000, original.length - 3000), original.length - 3000, right);
        Path plain = store.plaintext(store.find(u.id()).orElseThrow());
        assertArrayEquals(original, Files.readAllBytes(plain));
    }

    @Test
    void leftoversOfAKilledProcessAreSweptAndIdsCannotEscape() throws Exception {
        EncryptedUploadStore store = store();
        ResumableUpload u = upload("00000000000000000000000000000001", 10);
        store.create(u);
        Path dir = data.resolve("uploads").resolve(u.id());
        Files.writeString(dir.resolve("offset.tmp"), "5");
        Files.writeString(dir.resolve("plain.part"), "clear bytes");
        Path halfCreated = Files.createDirectories(data.resolve("uploads").resolve("00000000000000000000000000000002"));
        Files.writeString(halfCreated.resolve("upload.properties.tmp"), "id=2");
        assertEquals(3, store.sweepTemporaries());
        assertFalse(Files.exists(dir.resolve("plain.part")));
        assertFalse(Files.exists(halfCreated));
        assertTrue(store.find(u.id()).isPresent());
        assertTrue(store.find("../../secrets").isEmpty());
        assertTrue(store.find("0000000000000000000000000000000G").isEmpty());
    }
}
