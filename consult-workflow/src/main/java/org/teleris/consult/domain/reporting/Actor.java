package org.teleris.consult.domain.reporting;

import java.util.Objects;

/** Who gives a reporting command, as the report needs to know them. */
public record Actor(String userId, String username, String displayName, Kind kind, String organisationId) {

    public enum Kind { EXPERT, ADMIN, OTHER }

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean expert() {
        return kind == Kind.EXPERT;
    }
}
