package org.teleris.ris.infrastructure.security;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.teleris.ris.application.SessionUser;

/**
 * The signed-in HTTP sessions of this instance by user id, so that disabling an account ends its
 * sessions at once (the session carries the signed-in user; nothing re-reads the account per
 * request).
 */
@WebListener
public class ActiveHttpSessions implements HttpSessionListener, HttpSessionAttributeListener {

    private static final Map<String, Set<HttpSession>> BY_USER = new ConcurrentHashMap<>();

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (SessionAuthenticationMechanism.SESSION_ATTRIBUTE.equals(event.getName())
                && event.getValue() instanceof SessionUser user) {
            BY_USER.computeIfAbsent(user.userId(), k -> ConcurrentHashMap.newKeySet()).add(event.getSession());
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        BY_USER.values().forEach(sessions -> sessions.remove(event.getSession()));
    }

    /** Invalidates every session of the user on this instance; returns how many. */
    public static int invalidateAll(String userId) {
        Set<HttpSession> sessions = BY_USER.remove(userId);
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyGone) {
                // expired meanwhile
            }
        }
        return ended;
    }
}
