package org.teleris.ris.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.ris.domain.audit.AuditChain;

/** Produces the plain-Java collaborators of the application core: the audit chain and the clock. */
@ApplicationScoped
public class CorePlumbing {

    @Inject
    ServerSecrets secrets;

    @Inject
    @ConfigProperty(name = "ris.secret.audit-chain")
    Optional<String> auditChainKey;

    @Produces
    @Singleton
    AuditChain auditChain() {
        return new AuditChain(secrets.key("audit-chain", auditChainKey));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
