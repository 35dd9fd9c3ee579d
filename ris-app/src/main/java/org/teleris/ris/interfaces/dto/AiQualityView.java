package org.teleris.ris.interfaces.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.teleris.ai.domain.RocResult;
import org.teleris.ris.application.AiQualityMonitoring;
import org.teleris.ris.domain.aiquality.AiQualityFigures;

/** The AI quality report as the admin page reads it (absent figures are null). */
public record AiQualityView(Instant from, Instant to, long lateAfterMillis, List<ModelView> models,
                            List<AccuracyView> accuracy, String label) {

    /** Volumes and technological defects of one model. */
    public record ModelView(String modelId, String modelVersion, int runs, int completed, int notAnalysable,
                            Map<String, Integer> defects, int late, int defectTotal, long medianMillis) {
    }

    /** ROC analysis of one model at one stage. */
    public record AccuracyView(String modelId, String stage, int positives, int negatives, Double auc, Double ciLow,
                               Double ciHigh, List<CurvePoint> curve, String note) {
    }

    /** One ROC point; the threshold is null for the "call nothing positive" corner. */
    public record CurvePoint(double falsePositiveRate, double truePositiveRate, Double threshold) {
    }

    public static AiQualityView of(AiQualityMonitoring.Report r) {
        List<ModelView> models = r.models().stream().map(AiQualityView::model).toList();
        List<AccuracyView> accuracy = r.accuracy().stream().map(AiQualityView::accuracy).toList();
        return new AiQualityView(r.from(), r.to(), r.lateAfterMillis(), models, accuracy,
                "For Research Purposes Only");
    }

    private static ModelView model(AiQualityFigures.ModelCounts c) {
        return new ModelView(c.modelId(), c.modelVersion(), c.runs(), c.completed(), c.notAnalysable(), c.defects(),
                c.late(), c.defectTotal(), c.medianMillis());
    }

    private static AccuracyView accuracy(AiQualityFigures.ModelAccuracy a) {
        RocResult roc = a.roc();
        // JSON has no NaN or infinity: a rate is undefined when a class is missing, so no curve then
        List<CurvePoint> curve = roc.curve().stream()
                .filter(p -> Double.isFinite(p.falsePositiveRate()) && Double.isFinite(p.truePositiveRate()))
                .map(p -> new CurvePoint(p.falsePositiveRate(), p.truePositiveRate(),
                        Double.isFinite(p.threshold()) ? p.threshold() : null)).toList();
        return new AccuracyView(a.modelId(), a.stage().name(), roc.positives(), roc.negatives(), value(roc.auc()),
                value(roc.ciLow()), value(roc.ciHigh()), curve, roc.note());
    }

    private static Double value(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
