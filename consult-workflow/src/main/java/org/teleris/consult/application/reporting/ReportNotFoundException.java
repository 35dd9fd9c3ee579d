package org.teleris.consult.application.reporting;

/** No such report, or one the caller may not see (another clinic's, or not yet delivered to a doctor). */
public class ReportNotFoundException extends RuntimeException {
    public ReportNotFoundException(String id) {
        super("No report " + id + ".");
    }

    public ReportNotFoundException(String id, String why) {
        super("Report " + id + " " + why + ".");
    }
}
