package org.teleris.anonymizer.application;

import java.io.IOException;
import java.net.URI;

/**
 * How the uploader reaches the server: resumable uploads (tus 1.0) of one file each into an upload
 * session. {@link Unreachable} means "try again later"; {@link NotAuthorised} means "stop".
 */
public interface ResumableTransport {

    /** The server could not be reached or went away mid-request. */
    final class Unreachable extends IOException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Login refused, or the session or upload is not this user's. */
    final class NotAuthorised extends Exception {
        public NotAuthorised(String message) {
            super(message);
        }
    }

    /** The server refused this one file (empty, larger than it takes): the file is rejected, the run goes on. */
    final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The server's verdict on one file: STORED, DUPLICATE, CONFLICT or REJECTED (worst of a zip). */
    record Outcome(String status, String counts, String reason, String sopInstanceUid) {
        public boolean stored() {
            return "STORED".equals(status) || "DUPLICATE".equals(status);
        }
    }

    /** Where an upload stands: gone (expired or deleted: start again), its durable offset, its outcome. */
    record Progress(boolean gone, long offset, Outcome outcome) {
    }

    void login() throws Unreachable, NotAuthorised;

    String sessionOfCase(String caseId) throws Unreachable, NotAuthorised;

    URI create(String sessionId, long length) throws Unreachable, NotAuthorised, Refused;

    Progress head(URI upload) throws Unreachable, NotAuthorised;

    /** Sends bytes at {@code offset}; answers the new offset and, after the last byte, the outcome. */
    Progress patch(URI upload, long offset, byte[] bytes, int length) throws Unreachable, NotAuthorised;

    void delete(URI upload) throws Unreachable;
}
