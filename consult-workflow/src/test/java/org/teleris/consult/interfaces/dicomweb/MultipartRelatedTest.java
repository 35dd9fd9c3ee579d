package org.teleris.consult.interfaces.dicomweb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming multipart/related reader on hostile and awkward bodies. */
class MultipartRelatedTest {

    @TempDir
    Path temp;

    private static byte[] body(String boundary, List<byte[]> parts, boolean preamble) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (preamble) {
            out.writeBytes("This is a preamble.\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        for (byte[] p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Hands out at most a few bytes per read, so that delimiters straddle every refill. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private List<byte[]> read(InputStream in, String boundary) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        MultipartRelated.forEachPart(in, boundary, temp, Long.MAX_VALUE, p -> {
            assertEquals("application/dicom", p.contentType());
            parts.add(Files.readAllBytes(p.body()));
        });
        return parts;
    }

    @Test
    void partsComeBackByteForByteWhateverTheReadSizes() throws IOException {
        Random random = new Random(7);
        List<byte[]> parts = new ArrayList<>();
        for (int size : new int[] {0, 1, 70, 300_000, 1 << 20}) {
            byte[] p = new byte[size];
            random.nextBytes(p);
            parts.add(p);
        }
        // a part with the boundary text without its leading CRLF, and a CRLF with a prefix of it
        // (RFC 2046: a part never holds the full delimiter "CRLF--boundary")
        parts.add("x--abc\r\n--ab\r\n-".getBytes(StandardCharsets.US_ASCII));
        byte[] body = body("abc", parts, true);
        for (int chunk : new int[] {1, 3, 4096, 1 << 20}) {
            List<byte[]> read = read(trickle(body, chunk), "abc");
            assertEquals(parts.size(), read.size());
            for (int i = 0; i < parts.size(); i++) {
                assertArrayEquals(parts.get(i), read.get(i), "part " + i + " with reads of " + chunk);
            }
        }
    }

    @Test
    void badBodiesAreRefusedWithAReason() {
        byte[] cut = "--b\r\nContent-Type: application/dicom\r\n\r\nhalf a file".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> read(new ByteArrayInputStream(cut), "b"));
        assertThrows(IllegalArgumentException.class,
                () -> read(new ByteArrayInputStream("no parts at all".getBytes(StandardCharsets.US_ASCII)), "b"));
        assertThrows(IllegalArgumentException.class, () -> MultipartRelated.boundaryOf("application/dicom"));
        assertThrows(IllegalArgumentException.class, () -> MultipartRelated.boundaryOf("multipart/related"));
        assertEquals("a b", MultipartRelated.boundaryOf("multipart/related; type=\"application/dicom\"; boundary=\"a b\""));
        assertEquals("xyz", MultipartRelated.boundaryOf("Multipart/Related; boundary=xyz; type=application/dicom"));
    }

    @Test
    void aPartOverTheLimitStopsTheRequest() {
        byte[] body = body("b", List.of(new byte[10_000]), false);
        assertThrows(MultipartRelated.PartTooLargeException.class,
                () -> MultipartRelated.forEachPart(new ByteArrayInputStream(body), "b", temp, 5_000, p -> { }));
    }
}
