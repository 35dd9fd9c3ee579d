package org.teleris.consult.application;

import java.util.Optional;

/** Port: the host application says who is calling. */
public interface CurrentUser {

    /** The signed-in user of the current HTTP request. */
    Optional<ConsultUser> current();

    /** An enabled user by username, for callers authenticated by the container (WebSocket). */
    Optional<ConsultUser> byUsername(String username);
}
