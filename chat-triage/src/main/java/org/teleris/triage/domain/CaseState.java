package org.teleris.triage.domain;

/** Where a case stands in the two-stage workflow (see docs/architecture.md for the transitions). */
public enum CaseState {
    SUBMITTED,
    CLAIMED,
    DECLINED,
    ANSWERED,
    FULL_STUDY_REQUESTED,
    CANCELLED
}
