package org.teleris.ai.domain;

import java.util.List;
import java.util.Optional;

/**
 * Outcome of one prescreen. Findings (probability, class, involvement, maps) are present only for
 * {@link ResultKind#COMPLETED}; otherwise {@code reason} says why there are none. A result is advice:
 * it never changes a case by itself, the final decision is the doctor's.
 */
public record PrescreenResult(ResultKind kind, String reason, NotAnalysableReason notAnalysableReason,
                              DefectType defect, String modelId, String modelVersion, String modelName,
                              Double probability, CtClass ctClass, LungInvolvement involvement,
                              double[] ggoFraction, double[] consolidationFraction,
                              LocalisationMap localisation, KeySlice keySlice, boolean preview, int sourceSlices,
                              StudyIdentity study, List<SourceInstance> sources, long durationMillis) {

    public static final String RESEARCH_ONLY = "For Research Purposes Only";

    public static PrescreenResult notAnalysable(NotAnalysableException e, ModelCard card, boolean preview) {
        return new PrescreenResult(ResultKind.NOT_ANALYSABLE, e.getMessage(), e.reason(), null, id(card),
                version(card), name(card), null, null, null, null, null, null, null, preview, 0, null, List.of(), 0);
    }

    public static PrescreenResult defect(DefectType type, String reason, ModelCard card, boolean preview) {
        return new PrescreenResult(ResultKind.TECHNOLOGICAL_DEFECT, reason, null, type, id(card), version(card),
                name(card), null, null, null, null, null, null, null, preview, 0, null, List.of(), 0);
    }

    public boolean completed() {
        return kind == ResultKind.COMPLETED;
    }

    public Optional<DefectType> defectType() {
        return Optional.ofNullable(defect);
    }

    public PrescreenResult withDuration(long millis) {
        return new PrescreenResult(kind, reason, notAnalysableReason, defect, modelId, modelVersion, modelName,
                probability, ctClass, involvement, ggoFraction, consolidationFraction, localisation, keySlice,
                preview, sourceSlices, study, sources, millis);
    }

    private static String id(ModelCard card) {
        return card == null ? "unknown" : card.id();
    }

    private static String version(ModelCard card) {
        return card == null ? "" : card.version();
    }

    private static String name(ModelCard card) {
        return card == null ? "" : card.name();
    }
}
