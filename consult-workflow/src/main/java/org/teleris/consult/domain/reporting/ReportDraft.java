package org.teleris.consult.domain.reporting;

/**
 * The structured report as the expert fills it in: findings, distribution, involvement per lung
 * and total, dynamics, the expert's clinical flags, the chosen CT class with the reason for
 * disagreeing with the proposal or the AI, conclusion and recommendations. Every field optional
 * until signing.
 */
public record ReportDraft(boolean groundGlass, boolean consolidation, boolean crazyPaving, boolean reticular,
                          boolean hydrothorax, HydrothoraxSide hydrothoraxSide, boolean bilateral, boolean lowerLobe,
                          boolean peripheral, boolean perivascular, Integer involvementRightPct,
                          Integer involvementLeftPct, Integer involvementTotalPct, Dynamics dynamics,
                          Integer previousTotalPct, Integer hoursSincePrevious, boolean shock,
                          boolean multipleOrganFailure, boolean respiratoryFailure, boolean otherCauseKnown,
                          CtClass ctClass, String disagreementComment, String conclusion, String recommendations) {

    public static final int MAX_TEXT = 4000;

    public static final ReportDraft EMPTY = new ReportDraft(false, false, false, false, false, null, false, false,
            false, false, null, null, null, null, null, null, false, false, false, false, null, null, null, null);

    public ReportDraft {
        ImagingFindings.percent(involvementRightPct, "right lung involvement");
        ImagingFindings.percent(involvementLeftPct, "left lung involvement");
        ImagingFindings.percent(involvementTotalPct, "total involvement");
        ImagingFindings.percent(previousTotalPct, "previous involvement");
        if (hoursSincePrevious != null && (hoursSincePrevious < 0 || hoursSincePrevious > 24 * 3650)) {
            throw new IllegalArgumentException("hours since the previous study must be between 0 and 87600");
        }
        if (hydrothoraxSide != null && !hydrothorax) {
            throw new IllegalArgumentException("a hydrothorax side needs hydrothorax");
        }
        disagreementComment = text(disagreementComment, "the disagreement comment");
        conclusion = text(conclusion, "the conclusion");
        recommendations = text(recommendations, "the recommendations");
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    /** The total given, else the mean of both lungs when both are given. */
    public Integer effectiveTotalPct() {
        if (involvementTotalPct != null) {
            return involvementTotalPct;
        }
        if (involvementRightPct != null && involvementLeftPct != null) {
            return Math.round((involvementRightPct + involvementLeftPct) / 2.0f);
        }
        return involvementRightPct != null ? involvementRightPct : involvementLeftPct;
    }

    public ImagingFindings imaging() {
        return new ImagingFindings(groundGlass, consolidation, crazyPaving, reticular, hydrothorax,
                effectiveTotalPct(), previousTotalPct, hoursSincePrevious);
    }
}
