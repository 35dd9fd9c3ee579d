package org.teleris.triage.domain;

/** Why a case is not taken further: not consistent with viral pneumonia, and what it looks like instead. */
public enum DeclineReason {
    BACTERIAL_PNEUMONIA,
    ONCOLOGY,
    OTHER_NOT_VIRAL_PNEUMONIA,
    INSUFFICIENT_DATA
}
