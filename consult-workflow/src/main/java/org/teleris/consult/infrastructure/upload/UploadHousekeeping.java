package org.teleris.consult.infrastructure.upload;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.teleris.consult.application.upload.ResumableUploads;
import org.teleris.consult.application.upload.UploadStore;

/**
 * At start-up removes what a killed process left (scratch files, half-created uploads); every ten
 * minutes deletes uploads past their expiry, so the clinic's bytes are kept no longer than needed.
 */
@Singleton
@Startup
public class UploadHousekeeping {

    private static final Logger LOG = Logger.getLogger(UploadHousekeeping.class.getName());
    private static final long EVERY_MS = 10 * 60 * 1000L;

    @Resource
    TimerService timers;

    @Inject
    UploadStore store;

    @Inject
    ResumableUploads uploads;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        try {
            int swept = store.sweepTemporaries();
            if (swept > 0) {
                LOG.log(Level.INFO, "uploads: {0} leftover file(s) of an earlier run removed", swept);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "uploads: sweeping leftovers failed", e);
        }
        timers.createIntervalTimer(60_000, EVERY_MS, new TimerConfig("upload-expiry", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void removeExpired() {
        try {
            int removed = uploads.removeExpired();
            if (removed > 0) {
                LOG.log(Level.INFO, "uploads: {0} expired upload(s) deleted", removed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "uploads: deleting expired uploads failed", e);
        }
    }
}
