package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.ris.infrastructure.security.ServerSecrets;
import org.teleris.consult.application.intake.DeidentificationSecrets;
import org.teleris.triage.application.TenantSecrets;

/**
 * Each organisation's anonymisation secret, derived from one server key: HMAC-SHA-256(key,
 * organisation id). Stable, so pseudonyms and UIDs stay the same across uploads; different per
 * organisation, so they cannot be linked across tenants.
 */
@ApplicationScoped
public class OrganisationSecrets implements TenantSecrets, DeidentificationSecrets {

    @Inject
    ServerSecrets secrets;

    @Inject
    @ConfigProperty(name = "ris.secret.organisations")
    Optional<String> configuredKey;

    @Override
    public byte[] secretFor(String organisationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key("organisations", configuredKey), "HmacSHA256"));
            return mac.doFinal(organisationId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
