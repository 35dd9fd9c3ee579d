package org.teleris.triage.domain;

/** The imaging modality the question is about. */
public enum Modality {
    CT, CR, DX, MR, US, OTHER
}
