package org.teleris.ris.application;

import java.util.Optional;

/** Where the signed-in user of the current request is kept (the HTTP session, in practice). */
public interface SignedInUsers {

    Optional<SessionUser> current();

    /** Starts a fresh session for the user, so that a session id known before login is worthless. */
    void signIn(SessionUser user);

    void signOut();
}
