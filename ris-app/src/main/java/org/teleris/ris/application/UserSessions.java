package org.teleris.ris.application;

/** Port: ends everything a user has open right now (HTTP sessions, live sockets). */
public interface UserSessions {

    /** @return how many sessions and sockets were ended */
    int endAllOf(String userId);
}
