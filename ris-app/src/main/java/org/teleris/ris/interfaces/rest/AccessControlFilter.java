package org.teleris.ris.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.teleris.ris.application.AuditLog;
import org.teleris.ris.application.SessionUser;
import org.teleris.ris.application.SignedInUsers;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;

/**
 * Access control for every REST resource of every context. A resource method is open only when
 * marked {@link PermitAll}; otherwise the caller must be signed in (401), and must hold one of the
 * {@link RolesAllowed} roles of the method, or else of its class (403, audited as a security
 * alert). Tenant checks are the resources' own business: they answer 404 for foreign objects.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AccessControlFilter implements ContainerRequestFilter {

    private static final int MAX_OBJECT_ID = 128;

    @Context
    ResourceInfo resource;

    @Inject
    SignedInUsers signedIn;

    @Inject
    AuditLog auditLog;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Optional<SessionUser> user = signedIn.current();
        if (user.isEmpty()) {
            request.abortWith(ApiError.of(Response.Status.UNAUTHORIZED, "not_authenticated",
                    "Log in to use this part of the service."));
            return;
        }
        RolesAllowed allowed = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .orElse(resource.getResourceClass().getAnnotation(RolesAllowed.class));
        String role = user.get().role().name();
        if (allowed != null && Arrays.stream(allowed.value()).noneMatch(role::equals)) {
            String endpoint = request.getMethod() + " /" + request.getUriInfo().getPath();
            auditLog.record(new AuditEntry(user.get().username(), user.get().organisationId(),
                    AuditAction.ACCESS_REFUSED, "endpoint",
                    endpoint.length() > MAX_OBJECT_ID ? endpoint.substring(0, MAX_OBJECT_ID) : endpoint,
                    AuditOutcome.REFUSED));
            request.abortWith(ApiError.of(Response.Status.FORBIDDEN, "forbidden",
                    "Your role (" + role + ") may not do this."));
        }
    }
}
