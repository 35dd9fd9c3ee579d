package org.teleris.ris.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.teleris.ris.application.Administration;
import org.teleris.ris.application.AuditLog;
import org.teleris.ris.interfaces.dto.NewUserRequest;
import org.teleris.ris.application.AccountAdministration;
import org.teleris.ris.application.OrganisationAdministration;
import org.teleris.ris.application.SessionUser;
import org.teleris.ris.application.SignedInUsers;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.ris.domain.audit.AuditRecordRepository.AuditQuery;
import org.teleris.ris.domain.audit.ChainReport;
import org.teleris.ris.interfaces.dto.AccountView;
import org.teleris.ris.interfaces.dto.AuditRecordView;
import org.teleris.ris.interfaces.dto.OrganisationRequest;
import org.teleris.ris.interfaces.dto.PasswordResetRequest;
import org.teleris.ris.interfaces.dto.RoleChangeRequest;
import org.teleris.ris.interfaces.dto.OrganisationView;

/** The administrator's view of tenants, accounts and the audit log. */
@Path("admin")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final int MAX_AUDIT_PAGE = 500;

    @Inject
    Administration administration;

    @Inject
    AuditLog auditLog;

    @Inject
    AccountAdministration accounts;

    @Inject
    SignedInUsers signedIn;

    @Inject
    OrganisationAdministration organisationAdministration;

    @GET
    @Path("organisations")
    public List<OrganisationView> organisations() {
        return administration.organisations().stream().map(OrganisationView::of).toList();
    }

    /** A new regional clinic or reference centre with its DICOM AE titles and upload settings. */
    @POST
    @Path("organisations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createOrganisation(@Valid @NotNull OrganisationRequest request) {
        return Response.status(Response.Status.CREATED).entity(OrganisationView.of(organisationAdministration.create(
                admin(), request.name, request.kind, request.aeTitles, request.dicomNetworkEnabled))).build();
    }

    /** Name, AE titles, upload settings (the kind stays). */
    @PUT
    @Path("organisations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrganisationView changeOrganisation(@PathParam("id") String id, @Valid @NotNull OrganisationRequest request) {
        return OrganisationView.of(organisationAdministration.change(admin(), id, request.name, request.kind,
                request.aeTitles, request.dicomNetworkEnabled));
    }

    @GET
    @Path("users")
    public List<AccountView> users() {
        return administration.users().stream().map(AccountView::of).toList();
    }

    /** A new account (the admin sets the first password; the user is told it out of band). */
    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createUser(@Valid @NotNull NewUserRequest request) {
        return Response.status(Response.Status.CREATED).entity(AccountView.of(accounts.create(admin(),
                request.username, request.displayName, request.role, request.organisationId,
                request.password.toCharArray()))).build();
    }

    /** Disabled at once: the user's sessions and live sockets end now. */
    @POST
    @Path("users/{id}/disable")
    public AccountView disableUser(@PathParam("id") String id) {
        return AccountView.of(accounts.disable(admin(), id));
    }

    @POST
    @Path("users/{id}/enable")
    public AccountView enableUser(@PathParam("id") String id) {
        return AccountView.of(accounts.enable(admin(), id));
    }

    /** A new role fitting the organisation; the user's sessions end at once. */
    @PUT
    @Path("users/{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView changeRole(@PathParam("id") String id, @Valid @NotNull RoleChangeRequest request) {
        return AccountView.of(accounts.changeRole(admin(), id, request.role));
    }

    /** A new password set by the administrator; the user's sessions end at once. */
    @POST
    @Path("users/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView resetPassword(@PathParam("id") String id, @Valid @NotNull PasswordResetRequest request) {
        return AccountView.of(accounts.resetPassword(admin(), id, request.password.toCharArray()));
    }

    private SessionUser admin() {
        return signedIn.current().orElseThrow();
    }

    @GET
    @Path("audit")
    public List<AuditRecordView> audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                       @QueryParam("objectId") String objectId, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("limit") String limit) {
        AuditQuery query = new AuditQuery(blankToNull(actor), parseAction(action), blankToNull(objectId),
                parseInstant("from", from), parseInstant("to", to));
        audit(AuditAction.AUDIT_LOG_READ);
        return auditLog.newest(query, parseLimit(limit)).stream().map(AuditRecordView::of).toList();
    }

    @POST
    @Path("audit/verify")
    public ChainReport verify() {
        ChainReport report = auditLog.verify();
        audit(AuditAction.AUDIT_LOG_VERIFIED);
        return report;
    }

    private void audit(AuditAction action) {
        SessionUser admin = signedIn.current().orElseThrow();
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), action, "audit-log", null,
                AuditOutcome.SUCCESS));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static AuditAction parseAction(String action) {
        if (blankToNull(action) == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(action.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown audit action '" + action + "'; use one of "
                    + List.of(AuditAction.values()));
        }
    }

    private static Instant parseInstant(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + name + "' must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }

    private static int parseLimit(String value) {
        if (blankToNull(value) == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_AUDIT_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw new BadRequestException("'limit' must be a whole number from 1 to " + MAX_AUDIT_PAGE);
    }
}
