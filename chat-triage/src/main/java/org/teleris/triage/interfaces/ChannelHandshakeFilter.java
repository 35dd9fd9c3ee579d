package org.teleris.triage.interfaces;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Refuses a WebSocket handshake before the upgrade when nobody is signed in (401), or when the
 * page that opens it comes from another site (403): browsers send cookies with cross-site
 * WebSocket handshakes, so the Origin must be checked.
 */
@WebFilter(urlPatterns = "/ws/*")
public class ChannelHandshakeFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "not_authenticated",
                    "Log in before opening the live channel.");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameHost(origin, request.getHeader("Host"))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Cross-site channel connections are refused.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost != null && originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + code + "\",\"message\":\"" + message
                + "\"}");
    }
}
