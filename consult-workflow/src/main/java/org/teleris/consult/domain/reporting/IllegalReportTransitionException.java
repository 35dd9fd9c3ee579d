package org.teleris.consult.domain.reporting;

import java.util.Set;

/** A command the report's current state does not allow; carries what would be allowed. */
public class IllegalReportTransitionException extends RuntimeException {

    private final ReportState current;
    private final ReportCommand refused;
    private final Set<ReportCommand> allowed;

    public IllegalReportTransitionException(ReportState current, ReportCommand refused, Set<ReportCommand> allowed) {
        super(refused + " is not possible while the report is " + current);
        this.current = current;
        this.refused = refused;
        this.allowed = Set.copyOf(allowed);
    }

    public ReportState current() {
        return current;
    }

    public ReportCommand refused() {
        return refused;
    }

    public Set<ReportCommand> allowed() {
        return allowed;
    }
}
