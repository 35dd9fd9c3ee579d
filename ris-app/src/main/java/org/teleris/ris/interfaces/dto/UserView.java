package org.teleris.ris.interfaces.dto;

import org.teleris.ris.application.SessionUser;
import org.teleris.ris.domain.identity.Role;

/** The signed-in user as the browser application sees it. */
public record UserView(String id, String username, String displayName, Role role, String organisationId,
                       String organisationName) {

    public static UserView of(SessionUser user) {
        return new UserView(user.userId(), user.username(), user.displayName(), user.role(), user.organisationId(),
                user.organisationName());
    }
}
