package org.teleris.consult.infrastructure.reporting;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.reporting.Reporting;

/**
 * Looks for studies past their reporting time limit at a fixed interval
 * ({@code ris.reporting.breach-check-interval}, default 15 s), on a non-persistent EJB timer.
 */
@Singleton
@Startup
public class ReportingBreachWatch {

    private static final Logger LOG = Logger.getLogger(ReportingBreachWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "ris.reporting.breach-check-interval", defaultValue = "PT15S")
    Duration interval;

    @Inject
    Reporting reporting;

    @PostConstruct
    void start() {
        long millis = interval.toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        try {
            int marked = reporting.markBreaches();
            if (marked > 0) {
                LOG.info(() -> marked + " reporting time limit breach(es) marked");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reporting breach check failed: " + e.getClass().getName(), e);
        }
    }
}
