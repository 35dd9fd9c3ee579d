package org.teleris.anonymizer.domain;

/**
 * Thrown when an instance must not pass (not DICOM, pixels that cannot be cleaned, residual PHI...). Checked on
 * purpose: the caller must turn it into a clear 4xx / exit status, and can still store {@link #report()}.
 */
public class InstanceRejectedException extends Exception {

    private final transient InstanceReport report;
    private final Rejection rejection;

    public InstanceRejectedException(Rejection rejection, InstanceReport report) {
        super(rejection.code() + ": " + rejection.message());
        this.rejection = rejection;
        this.report = report;
    }

    public Rejection rejection() {
        return rejection;
    }

    public RejectionCode code() {
        return rejection.code();
    }

    /** The report of the refused instance (outcome REJECTED); may be partial when the input could not be parsed. */
    public InstanceReport report() {
        return report;
    }
}
