package org.teleris.ris.infrastructure.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.intake.StorageSweep;
import org.teleris.ris.application.AuditLog;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.ris.infrastructure.persistence.DatabaseMigrations;

/** Runs once the application is deployed and before it serves: schema, demo data, an audit record. */
@ApplicationScoped
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Inject
    DatabaseMigrations migrations;

    @Inject
    DemoData demoData;

    @Inject
    AuditLog auditLog;

    @Inject
    StorageSweep storageSweep;

    @Inject
    @ConfigProperty(name = "ris.demo.seed", defaultValue = "false")
    boolean seedDemo;

    @Inject
    @ConfigProperty(name = "ris.demo.history-days", defaultValue = "0")
    int demoHistoryDays;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        int applied = migrations.migrate();
        LOG.info(() -> "database schema up to date (" + applied + " migrations applied now)");
        if (seedDemo) {
            boolean created = demoData.seedIfEmpty();
            demoData.putDemoConsultantsOnDuty();
            if (created && demoHistoryDays > 0) {
                DemoData.History written = demoData.seedHistory(Math.min(demoHistoryDays, 90));
                LOG.info(() -> "demo period for the workload dashboard: " + written.cases() + " closed cases and "
                        + written.reports() + " delivered expert reports over " + demoHistoryDays + " days");
            }
            // Printed, not logged: it is for the person at the console, and log files outlive demos.
            System.out.println((created ? "Demo data created." : "Demo data already present.") + DemoData.banner());
        }
        removeOrphanStudyFiles();
        auditLog.record(new AuditEntry(AuditEntry.SYSTEM, null, AuditAction.APPLICATION_STARTED, null, null,
                AuditOutcome.SUCCESS));
    }

    /** After the schema exists: files a crash left without an index row (see docs/intake.md). */
    private void removeOrphanStudyFiles() {
        try {
            int removed = storageSweep.removeOrphans();
            LOG.info(() -> "study store swept: " + removed + " orphan or temporary file(s) removed");
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "the start-up sweep of the study store failed", e);
        }
    }
}
