package org.teleris.triage.application;

/** No such case, or one of another organisation: the caller cannot tell the difference. */
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String caseId) {
        super("No case " + caseId + ".");
    }
}
