package org.teleris.anonymizer.domain;

/** A preview refused before or during sanitising, with a machine code and a message for the uploading doctor. */
public class PreviewRejectedException extends Exception {

    private final Rejection rejection;

    public PreviewRejectedException(RejectionCode code, String message) {
        super(code + ": " + message);
        this.rejection = new Rejection(code, message);
    }

    public Rejection rejection() {
        return rejection;
    }

    public RejectionCode code() {
        return rejection.code();
    }
}
