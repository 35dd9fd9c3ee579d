package org.teleris.ai.interfaces;

import java.util.Locale;
import org.teleris.ai.domain.PrescreenResult;

/**
 * The small, storable part of a result (no maps or images): what the server keeps per case and model
 * for the bot message, the study page and quality monitoring. Shares are 0..1; absent values are null.
 */
public record ResultSummary(String kind, String reason, String defect, String modelId, String modelVersion,
                            Double probability, String ctClass, Double involvementRight, Double involvementLeft,
                            Double involvementTotal, long durationMillis, boolean preview, String label) {

    public static ResultSummary of(PrescreenResult r) {
        var i = r.involvement();
        return new ResultSummary(r.kind().name(), r.reason(), r.defect() == null ? null : r.defect().name(),
                r.modelId(), r.modelVersion(), r.probability(), r.ctClass() == null ? null : r.ctClass().label(),
                i == null ? null : i.right(), i == null ? null : i.left(), i == null ? null : i.total(),
                r.durationMillis(), r.preview(), PrescreenResult.RESEARCH_ONLY);
    }

    /** One line for logs and audit: never contains patient data. */
    public String oneLine() {
        return String.format(Locale.ROOT, "%s model=%s/%s p=%s class=%s inv=%s/%s/%s %d ms%s", kind, modelId,
                modelVersion, probability, ctClass, involvementRight, involvementLeft, involvementTotal,
                durationMillis, reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
