package org.teleris.ris.domain.audit;

/** Outcome of the audited action, in the spirit of the DICOM audit EventOutcomeIndicator. */
public enum AuditOutcome {
    SUCCESS,
    /** The action was attempted and failed, e.g. a wrong password. */
    FAILURE,
    /** The action was refused by access control: a security alert. */
    REFUSED
}
