package org.teleris.ris.domain.audit;

import java.util.Objects;

/**
 * What is to be recorded, before it gets its place in the chain. It names people and objects by
 * username and identifier only: no patient data ever goes into the audit log.
 *
 * @param actor          username, or {@code "anonymous"} / {@code "system"}
 * @param organisationId the actor's organisation, if known
 * @param objectType     kind of the object acted on, e.g. {@code "case"}; may be null
 * @param objectId       its identifier; may be null
 */
public record AuditEntry(String actor, String organisationId, AuditAction action, String objectType, String objectId,
                         AuditOutcome outcome) {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
