package org.teleris.ai.domain;

/** Technological defect categories counted per model for quality monitoring. */
public enum DefectType {
    FAILED, TIMED_OUT, MALFORMED, QUEUE_FULL
}
