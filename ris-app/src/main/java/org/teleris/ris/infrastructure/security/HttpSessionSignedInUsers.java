package org.teleris.ris.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.teleris.ris.application.SessionUser;
import org.teleris.ris.application.SignedInUsers;

@RequestScoped
public class HttpSessionSignedInUsers implements SignedInUsers {

    @Inject
    HttpServletRequest request;

    @Override
    public Optional<SessionUser> current() {
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(SessionAuthenticationMechanism.SESSION_ATTRIBUTE);
        return user instanceof SessionUser signedIn ? Optional.of(signedIn) : Optional.empty();
    }

    @Override
    public void signIn(SessionUser user) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(SessionAuthenticationMechanism.SESSION_ATTRIBUTE, user);
    }

    @Override
    public void signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
