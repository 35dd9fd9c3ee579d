package org.teleris.consult.domain.ai;

/**
 * Fired when the AI has run on a received study: numbers only. {@code kind} is COMPLETED,
 * NOT_ANALYSABLE or TECHNOLOGICAL_DEFECT; nothing here changes a case.
 */
public record StudyPrescreened(String caseId, String organisationId, String studyInstanceUid, String kind,
                               String defect, String modelId, String modelVersion, Double probability, String ctClass,
                               Double involvementTotal, long durationMillis, int outputsStored, boolean onDemand) {
}
