package org.teleris.consult.application;

import java.util.Objects;

/**
 * Someone working in stage II, as this context needs to know them: identity, role and tenant.
 * The host application supplies it; this context never sees user accounts.
 */
public record ConsultUser(String userId, String username, String displayName, Role role, String organisationId,
                          String organisationName) {

    /** The four roles of the product. */
    public enum Role { DOCTOR, CONSULTANT, EXPERT, ADMIN }

    public ConsultUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisationId, "organisationId");
    }

    /** A doctor sees only their own organisation's studies; the reference centre sees all of them. */
    public boolean maySee(String organisationIdOfObject) {
        return role != Role.DOCTOR || organisationId.equals(organisationIdOfObject);
    }
}
