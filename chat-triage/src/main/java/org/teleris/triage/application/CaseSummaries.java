package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageTimeLimit;

/** Makes case summaries with the configured triage time limit applied at the current time. */
@ApplicationScoped
public class CaseSummaries {

    @Inject
    @ConfigProperty(name = "ris.triage.time-limit", defaultValue = "PT30M")
    Duration configuredLimit;

    @Inject
    Clock clock;

    public TriageTimeLimit limit() {
        return new TriageTimeLimit(configuredLimit);
    }

    public CaseSummary of(TriageCase triageCase) {
        return CaseSummary.of(triageCase, limit(), clock.instant());
    }
}
