package org.teleris.triage.infrastructure;

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
import org.teleris.triage.application.OverdueAlerts;

/**
 * Looks for overdue cases at a fixed interval ({@code ris.triage.overdue-check-interval}, default
 * 15 s), on a non-persistent EJB timer: it runs in a managed context with transactions, and a
 * restart simply starts it again.
 */
@Singleton
@Startup
public class OverdueTriageWatch {

    private static final Logger LOG = Logger.getLogger(OverdueTriageWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "ris.triage.overdue-check-interval", defaultValue = "PT15S")
    Duration interval;

    @Inject
    OverdueAlerts alerts;

    @PostConstruct
    void start() {
        long millis = interval.toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        try {
            alerts.raiseDue();
        } catch (RuntimeException e) {
            // A failed round is retried at the next interval; the watch itself must keep running.
            LOG.log(Level.WARNING, "overdue triage check failed: " + e.getClass().getName(), e);
        }
    }
}
