package org.teleris.anonymizer.domain;

import java.util.List;

/** The verifier's verdict: passed when there are no findings. */
public record VerificationResult(List<Finding> findings) {

    public VerificationResult {
        findings = List.copyOf(findings);
    }

    public boolean passed() {
        return findings.isEmpty();
    }

    /** A short human-readable summary naming locations and rules, never values. */
    public String summary() {
        if (passed()) {
            return "no residual PHI found";
        }
        StringBuilder s = new StringBuilder(findings.size() + " finding(s): ");
        for (int i = 0; i < Math.min(5, findings.size()); i++) {
            Finding f = findings.get(i);
            s.append(i == 0 ? "" : "; ").append(f.kind()).append(" at ").append(f.location());
        }
        return findings.size() > 5 ? s.append("; ...").toString() : s.toString();
    }
}
