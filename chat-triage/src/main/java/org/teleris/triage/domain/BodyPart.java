package org.teleris.triage.domain;

/** The body part examined; the service is built around chest CT, everything else is "other". */
public enum BodyPart {
    CHEST, OTHER
}
