package org.teleris.consult.application.intake;

/** No such upload session for this caller: answered 404, exactly like a foreign one. */
public class UploadSessionNotFoundException extends RuntimeException {

    public UploadSessionNotFoundException(String what) {
        super("No upload session " + what + ".");
    }
}
