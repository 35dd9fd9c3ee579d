package org.teleris.triage.application;

import java.util.List;
import org.teleris.triage.domain.FreeTextPhiCheck;
import org.teleris.triage.domain.PossiblePhiException;

/** Free text with PHI-like findings is stored only after its author has seen them and confirmed. */
final class PhiGuard {

    private PhiGuard() {
    }

    static void requireConfirmedIfFound(List<FreeTextPhiCheck.Finding> findings, boolean acknowledged) {
        if (!findings.isEmpty() && !acknowledged) {
            throw new PossiblePhiException(findings);
        }
    }
}
