package org.teleris.triage.domain;

import java.util.Set;

/** A command that the case's current state does not allow; carries what would be allowed. */
public class IllegalTransitionException extends RuntimeException {

    private final CaseState current;
    private final TriageCommand refused;
    private final Set<TriageCommand> allowed;

    public IllegalTransitionException(CaseState current, TriageCommand refused, Set<TriageCommand> allowed) {
        this(current, refused, allowed, refused + " is not possible while the case is " + current);
    }

    public IllegalTransitionException(CaseState current, TriageCommand refused, Set<TriageCommand> allowed,
                                      String message) {
        super(message);
        this.current = current;
        this.refused = refused;
        this.allowed = Set.copyOf(allowed);
    }

    public CaseState current() {
        return current;
    }

    public TriageCommand refused() {
        return refused;
    }

    public Set<TriageCommand> allowed() {
        return allowed;
    }
}
