package org.teleris.consult.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staged file's hash, computed beside the intake's read transaction, is the file's SHA-256. */
class ContentHashesTest {

    @TempDir
    Path dir;

    @Test
    void theDigestIsTheFilesSha256WhetherComputedHereOrBeside() throws IOException {
        Path abc = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        // FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHashes.sha256(abc));
        assertEquals(ContentHashes.sha256(abc), ContentHashes.await(ContentHashes.beside(abc)));

        byte[] slice = new byte[512 * 1024 + 17]; // more than one 64 KB block, not a multiple of it
        new Random(7).nextBytes(slice);
        Path big = Files.write(dir.resolve("big"), slice);
        String expected = ContentHashes.sha256(big);
        assertEquals(expected, ContentHashes.await(ContentHashes.beside(big)));
        slice[slice.length - 1] ^= 1;
        assertNotEquals(expected, ContentHashes.sha256(Files.write(dir.resolve("other"), slice)));
    }

    @Test
    void aFileThatCannotBeReadIsAnIoFailureOfTheCaller() {
        IOException e = assertThrows(IOException.class,
                () -> ContentHashes.await(ContentHashes.beside(dir.resolve("gone"))));
        assertTrue(e instanceof NoSuchFileException, e.toString());
    }

    @Test
    void anInterruptWhileWaitingIsKeptAndTheDigestStillComes() throws IOException {
        Path abc = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        String expected = ContentHashes.sha256(abc);
        Thread.currentThread().interrupt();
        try {
            // (an interrupted thread could not read the file itself: its channel would be closed)
            assertEquals(expected, ContentHashes.await(ContentHashes.beside(abc)));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }
}
