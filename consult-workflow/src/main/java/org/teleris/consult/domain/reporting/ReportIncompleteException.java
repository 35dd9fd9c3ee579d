package org.teleris.consult.domain.reporting;

/** The report cannot be signed yet: names what is missing (class, conclusion, reason to disagree). */
public class ReportIncompleteException extends RuntimeException {
    public ReportIncompleteException(String message) {
        super(message);
    }
}
