package org.teleris.consult.domain.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One resumable upload: a single file (one DICOM instance or a zip of a study) of a declared length
 * going into an upload session of an organisation. {@code offset} is the number of bytes durably
 * stored; {@code lastWrite} is when the last bytes arrived (the expiry runs from there).
 * No file name is kept: the clinic's names can hold patient names.
 */
public record ResumableUpload(String id, String organisationId, String username, String uploadSessionId,
                              String channel, long length, long offset, Instant createdAt, Instant lastWrite, boolean processed) {

    public ResumableUpload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(uploadSessionId, "uploadSessionId");
        if (length < 0 || offset < 0 || offset > length) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + length);
        }
    }

    /** All declared bytes are durably here: the upload is ready to be handed to the intake. */
    public boolean received() {
        return offset == length;
    }

    public Instant expiresAt(Duration expiry) {
        return lastWrite.plus(expiry);
    }

    public boolean expired(Instant now, Duration expiry) {
        return !now.isBefore(expiresAt(expiry));
    }

    /** tus: a PATCH must start exactly at the durable offset. */
    public boolean acceptsBytesAt(long claimedOffset) {
        return claimedOffset == offset && !received();
    }

    public ResumableUpload at(long newOffset, Instant when) {
        return new ResumableUpload(id, organisationId, username, uploadSessionId, channel, length, newOffset, createdAt, when,
                processed);
    }
}
