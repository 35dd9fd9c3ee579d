package org.teleris.consult.domain.intake;

/** Completing an upload that is empty or already complete: a conflict with its state. */
public class UploadNotCompletableException extends IllegalStateException {

    public UploadNotCompletableException(String message) {
        super(message);
    }
}
