package org.teleris.consult.domain.reporting;

/**
 * What the expert sees on the CT that the severity rules read: the typical features and the
 * parenchymal involvement in per cent (total of both lungs); for a follow-up, the previous total
 * and the hours between the studies.
 */
public record ImagingFindings(boolean groundGlass, boolean consolidation, boolean crazyPaving, boolean reticular,
                              boolean hydrothorax, Integer involvementTotalPct, Integer previousTotalPct,
                              Integer hoursSincePrevious) {

    public ImagingFindings {
        percent(involvementTotalPct, "total involvement");
        percent(previousTotalPct, "previous involvement");
        if (hoursSincePrevious != null && hoursSincePrevious < 0) {
            throw new IllegalArgumentException("hours since the previous study must not be negative");
        }
    }

    static void percent(Integer value, String what) {
        if (value != null && (value < 0 || value > 100)) {
            throw new IllegalArgumentException(what + " must be between 0 and 100 %");
        }
    }

    public static ImagingFindings ggo(int totalPct) {
        return new ImagingFindings(true, false, false, false, false, totalPct, null, null);
    }

    /** Ground glass, consolidation, crazy paving or reticular changes: features of viral pneumonia. */
    public boolean pneumonia() {
        return groundGlass || consolidation || crazyPaving || reticular;
    }

    /** The typical chest CT features of COVID-19 (CLINICAL.md), for the confirmed-case rule. */
    public boolean typicalFeatures() {
        return groundGlass || consolidation || crazyPaving || hydrothorax;
    }

    public int involvement() {
        return involvementTotalPct == null ? 0 : involvementTotalPct;
    }
}
