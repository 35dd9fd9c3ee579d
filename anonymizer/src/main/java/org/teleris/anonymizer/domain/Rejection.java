package org.teleris.anonymizer.domain;

/** Why an input was refused: a machine code and a message a clinic user can act on (never a PHI value). */
public record Rejection(RejectionCode code, String message) {
}
