package org.teleris.consult.application.reporting;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.domain.reporting.ReportingTimeLimits;

/**
 * The reporting time limits, read once from {@code ris.reporting.time-limits} (the one place
 * clinicians change them) for every service that needs them.
 */
@ApplicationScoped
public class ConfiguredTimeLimits {

    @Inject
    @ConfigProperty(name = "ris.reporting.time-limits", defaultValue = ReportingTimeLimits.DEFAULTS)
    String spec;

    private ReportingTimeLimits limits;

    @PostConstruct
    void init() {
        limits = ReportingTimeLimits.parse(spec);
    }

    @Produces
    ReportingTimeLimits limits() {
        return limits;
    }
}
