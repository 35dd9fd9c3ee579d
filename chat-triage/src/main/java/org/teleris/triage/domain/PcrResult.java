package org.teleris.triage.domain;

public enum PcrResult {
    POSITIVE,
    NEGATIVE,
    PENDING,
    NOT_DONE
}
