package org.teleris.consult.application.upload;

/** A resumable-upload request that cannot be served, with the reason the client sees. */
public class UploadRefusedException extends RuntimeException {

    /** Each reason has its HTTP status in the tus protocol. */
    public enum Reason {
        BAD_REQUEST(400, "bad_request"),
        NOT_FOUND(404, "not_found"),
        OFFSET_MISMATCH(409, "offset_mismatch"),
        SESSION_CLOSED(409, "session_complete"),
        GONE(410, "upload_expired"),
        PRECONDITION(412, "tus_version"),
        TOO_LARGE(413, "too_large"),
        UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
        BUSY(423, "upload_busy"),
        CHECKSUM_MISMATCH(460, "checksum_mismatch");

        public final int status;
        public final String error;

        Reason(int status, String error) {
            this.status = status;
            this.error = error;
        }
    }

    private final Reason reason;

    public UploadRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
