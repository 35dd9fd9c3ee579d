package org.teleris.ris.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.teleris.ris.application.SessionUser;

/**
 * Tells the container who the caller is on every request of a signed-in session (REST calls and
 * WebSocket handshakes alike). Credentials are checked once, by the login endpoint through the
 * identity store; requests without a session stay anonymous and access control answers 401.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_ATTRIBUTE = "org.teleris.ris.session-user";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (user instanceof SessionUser signedIn) {
            return context.notifyContainerAboutLogin(signedIn.username(), Set.of(signedIn.role().name()));
        }
        return context.doNothing();
    }
}
