package org.teleris.triage.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teleris.triage.domain.FreeTextPhiCheck;

/** Lets a page warn about PHI-like text before it is posted; nothing is stored or logged. */
@Path("phi-check")
@RequestScoped
@RolesAllowed({"DOCTOR", "CONSULTANT", "EXPERT", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class PhiCheckResource {

    /** Texts by field name, e.g. {"fields": {"question": "..."}}. */
    public static class Request {
        @NotNull
        @Size(min = 1, max = 20)
        public Map<String, @Size(max = 20000) String> fields;
    }

    public record Result(List<FreeTextPhiCheck.Finding> findings) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Result check(@Valid @NotNull Request request) {
        List<FreeTextPhiCheck.Finding> findings = new ArrayList<>();
        request.fields.forEach((field, text) -> findings.addAll(FreeTextPhiCheck.check(field, text)));
        return new Result(findings);
    }
}
