package org.teleris.consult.domain.reporting;

/** The state allows the command, but not from this person (not the holder, same expert as first reader...). */
public class ReportNotPermittedException extends RuntimeException {
    public ReportNotPermittedException(String message) {
        super(message);
    }
}
