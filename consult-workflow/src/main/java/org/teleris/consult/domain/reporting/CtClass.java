package org.teleris.consult.domain.reporting;

/** The chest CT severity classes of the table, from least to most severe. */
public enum CtClass {
    CT0, CT1, CT2, CT3, CT4;

    public boolean moreSevereThan(CtClass other) {
        return compareTo(other) > 0;
    }

    public static CtClass max(CtClass a, CtClass b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** CT-1..CT-4 describe viral pneumonia; CT-0 describes none. */
    public boolean isViralPneumonia() {
        return this != CT0;
    }

    /** Every viral-pneumonia report needs a second reader. */
    public boolean needsSecondRead() {
        return isViralPneumonia();
    }
}
