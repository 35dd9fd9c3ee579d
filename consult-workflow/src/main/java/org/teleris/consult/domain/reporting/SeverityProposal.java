package org.teleris.consult.domain.reporting;

import java.util.List;

/**
 * What the rules propose: the class, the class the imaging alone points to, the class the clinical
 * data point to (null when they point to none), and every table threshold that applied.
 */
public record SeverityProposal(CtClass proposed, CtClass imagingClass, CtClass clinicalClass,
                               List<AppliedThreshold> applied) {

    public SeverityProposal {
        applied = List.copyOf(applied);
    }

    /** One threshold of one table row that the data met, in both languages. */
    public record AppliedThreshold(String id, CtClass row, String kind, String en, String ru) {
    }

    public boolean applied(String id) {
        return applied.stream().anyMatch(a -> a.id().equals(id));
    }
}
