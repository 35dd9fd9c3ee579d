package org.teleris.triage.domain;

import java.util.Objects;

/**
 * Someone taking part in triage, as this context needs to know them: identity, role and tenant.
 * The host application supplies it; this context never sees user accounts.
 */
public record Participant(String userId, String username, String displayName, Role role, String organisationId,
                          String organisationName) {

    /**
     * The four human roles, and AI: the author of prescreen messages, which no person holds and
     * no command accepts.
     */
    public enum Role { DOCTOR, CONSULTANT, EXPERT, ADMIN, AI }

    public Participant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisationId, "organisationId");
    }

    /** A doctor sees only their own organisation's cases; the reference centre sees all of them. */
    public boolean maySee(String caseOrganisationId) {
        return role != Role.DOCTOR || organisationId.equals(caseOrganisationId);
    }
}
