package org.teleris.triage.domain;

import java.util.List;

/** Free text that looks like it holds patient identifiers, posted without the author's confirmation. */
public class PossiblePhiException extends RuntimeException {

    private final List<FreeTextPhiCheck.Finding> findings;

    public PossiblePhiException(List<FreeTextPhiCheck.Finding> findings) {
        super("The text looks like it contains patient identifiers (" + findings.size()
                + " finding(s)): remove them, or confirm that the text is free of personal data.");
        this.findings = List.copyOf(findings);
    }

    public List<FreeTextPhiCheck.Finding> findings() {
        return findings;
    }
}
