package org.teleris.consult.application.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.teleris.consult.domain.upload.ResumableUpload;

/**
 * Port: where partial uploads live until they are handed to the intake. An offset is reported only
 * once the bytes before it are durable (fsync), so a restart resumes exactly there.
 */
public interface UploadStore {

    void create(ResumableUpload upload) throws IOException;

    Optional<ResumableUpload> find(String id);

    /**
     * Writes bytes of {@code body}, at most {@code maxBytes}, at the upload's durable offset. Without a
     * checksum the offset is recorded at checkpoints and at the end, also when the client goes away
     * mid-request; with one, only at the end and only if the checksum matches.
     */
    Appended append(ResumableUpload upload, InputStream body, long maxBytes, ChecksumClaim checksum) throws IOException;

    /** The received bytes in clear, in a file beside the upload that the caller deletes. */
    Path plaintext(ResumableUpload upload) throws IOException;

    /** A scratch file beside the upload (zip entries), deleted by the caller. */
    Path scratch(ResumableUpload upload, String name) throws IOException;

    /** Keeps the intake's outcomes and drops the received bytes. */
    void recordOutcomes(ResumableUpload upload, List<FileOutcome> outcomes) throws IOException;

    List<FileOutcome> outcomes(String id);

    void delete(String id);

    List<String> ids();

    /** At start-up: scratch files of a killed process, uploads whose creation never finished. */
    int sweepTemporaries();

    /** What one append achieved: the new durable offset, and why it stopped early if it did. */
    record Appended(long offset, boolean checksumMismatch, IOException clientGone) {
    }
}
