package org.teleris.triage.application;

import java.time.Instant;
import java.util.List;

/** Port: an AI prescreen of a case's previews, for information only. */
public interface PreviewPrescreening {

    /**
     * What the AI says, ready to be posted; the heat map is absent when nothing was analysed. The
     * outcome is the storable part, for quality monitoring.
     */
    record Prescreen(String text, byte[] heatMapPng, AiOutcome outcome) {
    }

    /**
     * The result in numbers: kind COMPLETED, NOT_ANALYSABLE or TECHNOLOGICAL_DEFECT (with its defect
     * type), the model, and for completed results the probability and the estimated CT class.
     */
    record AiOutcome(String kind, String defect, String modelId, String modelVersion, Double probability,
                     String ctClass, long durationMillis) {
    }

    /**
     * Blocks until the AI answers, or at the latest until {@code answerBy} with a time-out defect; never
     * throws for a model failure (that is a defect message).
     */
    Prescreen analyse(List<byte[]> previews, Instant answerBy);
}
