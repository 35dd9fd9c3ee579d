package org.teleris.ai.domain;

/** The input is not something the model may judge; carries the reason and a technical detail. */
public class NotAnalysableException extends Exception {
    private final NotAnalysableReason reason;

    public NotAnalysableException(NotAnalysableReason reason, String detail) {
        super(reason.english() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
        this.reason = reason;
    }

    public NotAnalysableReason reason() {
        return reason;
    }
}
