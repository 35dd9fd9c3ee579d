package org.teleris.ris.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.teleris.ris.application.Authentication;
import org.teleris.ris.application.LoginFailedException;
import org.teleris.ris.application.SignedInUsers;
import org.teleris.ris.interfaces.dto.LoginRequest;
import org.teleris.ris.interfaces.dto.UserView;

@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Authentication authentication;

    @Inject
    SignedInUsers signedIn;

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Counted(name = "logins", description = "Login attempts, successful or not")
    public Response login(@Valid @NotNull LoginRequest request) {
        try {
            return Response.ok(UserView.of(authentication.login(request.username, request.password))).build();
        } catch (LoginFailedException e) {
            return ApiError.of(Response.Status.UNAUTHORIZED, "invalid_credentials", e.getMessage());
        }
    }

    @POST
    @Path("logout")
    @PermitAll
    public Response logout() {
        authentication.logout();
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public UserView me() {
        return signedIn.current().map(UserView::of).orElseThrow();
    }
}
