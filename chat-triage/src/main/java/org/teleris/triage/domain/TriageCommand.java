package org.teleris.triage.domain;

/** The explicit commands that move a case through stage I. */
public enum TriageCommand {
    CLAIM,
    RELEASE,
    REASSIGN,
    DECLINE,
    ANSWER,
    REQUEST_FULL_STUDY,
    CANCEL,
    POST_MESSAGE
}
