package org.teleris.ris.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** All REST resources of every bounded context live under /api; the OpenAPI document is at /openapi. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Teleradiology consultation RIS", version = "0.1",
        description = "Two-stage teleconsultation: triage channel, full-study consultation, administration."))
public class RestApplication extends Application {
}
