package org.teleris.ai.domain;

/**
 * Involvement share to CT class, with the boundaries fixed precisely (the template's ranges touch):
 * CT-0 below {@link #RELEVANT_INVOLVEMENT}; CT-1 up to and including 25 %; CT-2 above 25 % up to and
 * including 50 %; CT-3 above 50 % and below 75 %; CT-4 from 75 %. Used for models that report
 * involvement without a class; the built-in graph encodes the same rule (a test checks they agree).
 */
public final class CtClassRule {
    /** Below 2 % of lung volume the voxels are dominated by vessels, partial volume and noise. */
    public static final double RELEVANT_INVOLVEMENT = 0.02;

    private CtClassRule() {
    }

    public static CtClass fromInvolvement(double total) {
        if (Double.isNaN(total) || total < 0 || total > 1) {
            throw new IllegalArgumentException("involvement must be a share in [0,1]: " + total);
        }
        if (total < RELEVANT_INVOLVEMENT) {
            return CtClass.CT0;
        }
        if (total <= 0.25) {
            return CtClass.CT1;
        }
        if (total <= 0.50) {
            return CtClass.CT2;
        }
        return total < 0.75 ? CtClass.CT3 : CtClass.CT4;
    }
}
