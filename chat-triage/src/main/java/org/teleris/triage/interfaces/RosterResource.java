package org.teleris.triage.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.teleris.triage.application.DutyRoster;

/** The duty roster of the triage channel: consultants read it, administrators edit it. */
@Path("roster")
@RequestScoped
@RolesAllowed({"CONSULTANT", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    @Inject
    DutyRoster roster;

    @GET
    public List<DutyRoster.ShiftView> upcoming() {
        return roster.upcoming();
    }

    @POST
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Valid @NotNull ShiftRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(roster.add(request.consultantUserId, request.startsAt, request.endsAt)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("ADMIN")
    public Response remove(@PathParam("id") String id) {
        if (!roster.remove(id)) {
            throw new NotFoundException("No shift " + id + ".");
        }
        return Response.noContent().build();
    }
}
