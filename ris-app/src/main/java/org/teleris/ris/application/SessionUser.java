package org.teleris.ris.application;

import java.io.Serializable;
import org.teleris.ris.domain.identity.Role;
import org.teleris.ris.domain.identity.UserAccount;

/** Who is signed in on an HTTP session: a snapshot of the account taken at login. */
public record SessionUser(String userId, String username, String displayName, Role role, String organisationId,
                          String organisationName) implements Serializable {

    public static SessionUser of(UserAccount account) {
        return new SessionUser(account.id(), account.username(), account.displayName(), account.role(),
                account.organisation().id(), account.organisation().name());
    }
}
