package org.teleris.triage.domain;

/** The participant's role or relation to the case does not allow the command (e.g. not the holder). */
public class NotPermittedException extends RuntimeException {
    public NotPermittedException(String message) {
        super(message);
    }
}
