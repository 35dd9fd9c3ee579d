package org.teleris.ris.interfaces.dto;

import org.teleris.ris.domain.identity.Role;
import org.teleris.ris.domain.identity.UserAccount;

/** A user account in the administrator's list; never the password hash. */
public record AccountView(String id, String username, String displayName, Role role, String organisationId,
                          String organisationName, boolean enabled) {

    public static AccountView of(UserAccount account) {
        return new AccountView(account.id(), account.username(), account.displayName(), account.role(),
                account.organisation().id(), account.organisation().name(), account.enabled());
    }
}
