package org.teleris.consult.interfaces.dicomweb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a multipart/related body (RFC 2387) part by part into temp files, never holding a part
 * in memory, so that a study of any size can be stored with a small heap.
 */
final class MultipartRelated {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** One part: its headers (lower-case names) and its body as a temp file. */
    record Part(Map<String, String> headers, Path body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private MultipartRelated() {
    }

    static String boundaryOf(String contentType) {
        if (contentType == null) {
            throw new IllegalArgumentException("Content-Type multipart/related with a boundary is required.");
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related") || !m.find()) {
            throw new IllegalArgumentException("Content-Type must be multipart/related; type=\"application/dicom\";"
                    + " boundary=...");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** Calls the consumer for each part, then deletes its temp file. */
    static int forEachPart(InputStream body, String boundary, Path tempDir, long maxPartBytes, PartConsumer consumer)
            throws IOException {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Scanner in = new Scanner(body, delimiter);
        // the preamble ends with the first delimiter (which may start the body, without CRLF)
        if (!in.skipPreamble()) {
            throw new IllegalArgumentException("The body holds no part with the declared boundary.");
        }
        int parts = 0;
        while (in.afterDelimiterIsPart()) {
            Map<String, String> headers = in.readHeaders();
            Path file = Files.createTempFile(tempDir, "stow-", ".part");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                    if (!in.copyUntilDelimiter(out, maxPartBytes)) {
                        throw new IllegalArgumentException("The body ends inside a part (no closing boundary).");
                    }
                }
                parts++;
                consumer.accept(new Part(headers, file));
            } finally {
                Files.deleteIfExists(file);
            }
        }
        return parts;
    }

    interface PartConsumer {
        void accept(Part part) throws IOException;
    }

    /** A byte scanner over the stream that finds the delimiter across buffer boundaries. */
    private static final class Scanner {
        private final InputStream in;
        private final byte[] delimiter;
        private final byte[] buffer = new byte[256 * 1024];
        private int start;
        private int end;
        private boolean eof;

        Scanner(InputStream in, byte[] delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        private boolean fill(int needed) throws IOException {
            if (end - start >= needed) {
                return true;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            while (!eof && end - start < needed && end < buffer.length) {
                int n = in.read(buffer, end, buffer.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
            }
            return end - start >= needed;
        }

        boolean skipPreamble() throws IOException {
            // a body may start with "--boundary" directly
            byte[] first = Arrays.copyOfRange(delimiter, 2, delimiter.length);
            if (fill(first.length) && startsWith(first)) {
                start += first.length;
                return true;
            }
            return copyUntilDelimiter(OutputStream.nullOutputStream(), Long.MAX_VALUE);
        }

        private boolean startsWith(byte[] prefix) {
            for (int i = 0; i < prefix.length; i++) {
                if (buffer[start + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** After a delimiter: "--" closes the body, CRLF starts another part. */
        boolean afterDelimiterIsPart() throws IOException {
            if (!fill(2)) {
                return false;
            }
            if (buffer[start] == '-' && buffer[start + 1] == '-') {
                return false;
            }
            // transport padding, then CRLF
            while (fill(1) && (buffer[start] == ' ' || buffer[start] == '\t')) {
                start++;
            }
            if (fill(2) && buffer[start] == '\r' && buffer[start + 1] == '\n') {
                start += 2;
                return true;
            }
            throw new IllegalArgumentException("Malformed multipart body after a boundary.");
        }

        Map<String, String> readHeaders() throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>();
            int total = 0;
            while (true) {
                StringBuilder line = new StringBuilder();
                while (true) {
                    if (!fill(1)) {
                        throw new IllegalArgumentException("The body ends inside part headers.");
                    }
                    byte b = buffer[start++];
                    if (++total > MAX_HEADER_BYTES) {
                        throw new IllegalArgumentException("Part headers are too long.");
                    }
                    if (b == '\n') {
                        break;
                    }
                    if (b != '\r') {
                        line.append((char) (b & 0xFF));
                    }
                }
                if (line.length() == 0) {
                    break;
                }
                lines.add(line.toString());
            }
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            return headers;
        }

        /** Copies bytes up to the next delimiter (consumed); false when the stream ended first. */
        boolean copyUntilDelimiter(OutputStream out, long max) throws IOException {
            long copied = 0;
            while (true) {
                fill(delimiter.length);
                int available = end - start;
                int limit = available - delimiter.length;
                for (int i = start; i <= start + limit; i++) {
                    if (buffer[i] == delimiter[0] && matchesAt(i)) {
                        copied += i - start;
                        if (copied > max) {
                            throw new PartTooLargeException();
                        }
                        out.write(buffer, start, i - start);
                        start = i + delimiter.length;
                        return true;
                    }
                }
                if (eof) {
                    out.write(buffer, start, available);
                    start = end;
                    return false;
                }
                // keep the last delimiter-1 bytes: a delimiter may straddle the refill
                int safe = Math.max(0, available - (delimiter.length - 1));
                copied += safe;
                if (copied > max) {
                    throw new PartTooLargeException();
                }
                out.write(buffer, start, safe);
                start += safe;
            }
        }

        private boolean matchesAt(int i) {
            for (int k = 1; k < delimiter.length; k++) {
                if (buffer[i + k] != delimiter[k]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A part larger than the limit: the request is refused (413). */
    static final class PartTooLargeException extends IllegalArgumentException {
        PartTooLargeException() {
            super("A part is larger than the limit for one instance.");
        }
    }
}
