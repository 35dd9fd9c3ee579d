package org.teleris.anonymizer.domain;

/** The end state of one instance. */
public enum Outcome {
    DEIDENTIFIED,
    VERIFIED,
    REJECTED
}
