package org.teleris.consult.infrastructure.intake;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.intake.UploadSessions;

/**
 * A periodic check that completes C-STORE sessions quiet for
 * {@code ris.intake.quiet-period} (a PACS sends and never says "done").
 */
@Singleton
@Startup
public class IntakeHousekeeping {

    private static final Logger LOG = Logger.getLogger(IntakeHousekeeping.class.getName());

    @Resource
    TimerService timers;

    @Inject
    UploadSessions sessions;

    @Inject
    @ConfigProperty(name = "ris.intake.quiet-period", defaultValue = "PT2M")
    Duration quietPeriod;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        long every = Math.max(1000, Math.min(quietPeriod.toMillis() / 4, 30_000));
        timers.createIntervalTimer(every, every, new TimerConfig("intake-quiet-sessions", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void completeQuietSessions() {
        try {
            int completed = sessions.completeQuietSessions(quietPeriod);
            if (completed > 0) {
                LOG.log(Level.INFO, "intake: {0} C-STORE upload(s) completed after the quiet period", completed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "intake: completing quiet sessions failed", e);
        }
    }
}
