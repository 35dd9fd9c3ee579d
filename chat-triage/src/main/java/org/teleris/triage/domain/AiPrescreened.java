package org.teleris.triage.domain;

/**
 * Fired when the AI's note on a case's previews has been posted: the numbers only (no text, no
 * image), for quality monitoring. {@code kind} is COMPLETED, NOT_ANALYSABLE or TECHNOLOGICAL_DEFECT.
 */
public record AiPrescreened(String caseId, String organisationId, String kind, String defect, String modelId,
                            String modelVersion, Double probability, String ctClass, long durationMillis) {
}
