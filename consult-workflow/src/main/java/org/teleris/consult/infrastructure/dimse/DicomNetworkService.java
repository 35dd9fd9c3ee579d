package org.teleris.consult.infrastructure.dimse;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.intake.CallingAeDirectory;
import org.teleris.consult.application.intake.InstanceIntake;
import org.teleris.consult.application.intake.OpenUploadSessions;

/**
 * Runs the DICOM listener (C-ECHO, C-STORE) for as long as the application is deployed.
 * {@code ris.dicom.port} (default 11112; 0 or less switches it off) and {@code ris.dicom.ae-title}
 * (default TELERIS). A port that cannot be bound is logged and leaves the rest of the product running.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DicomNetworkService {

    private static final Logger LOG = Logger.getLogger(DicomNetworkService.class.getName());

    @Inject
    @ConfigProperty(name = "ris.dicom.port", defaultValue = "11112")
    int port;

    @Inject
    @ConfigProperty(name = "ris.dicom.ae-title", defaultValue = "TELERIS")
    String aeTitle;

    @Inject
    @ConfigProperty(name = "ris.dicom.max-associations", defaultValue = "8")
    int maxAssociations;

    @Inject
    @ConfigProperty(name = "ris.dicom.idle-timeout", defaultValue = "PT2M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    Instance<CallingAeDirectory> aeDirectory;

    @Inject
    Instance<OpenUploadSessions> openSessions;

    @Inject
    Instance<InstanceIntake> intake;

    private DimseListener listener;

    @PostConstruct
    void start() {
        if (port <= 0) {
            LOG.info("DICOM listener off (ris.dicom.port=" + port + ")");
            return;
        }
        Path spool = Path.of(dataDir).toAbsolutePath().resolve("spool").resolve("dicom");
        try {
            clearSpool(spool);
            DimseListener candidate = new DimseListener(new DimseListener.Settings(port, aeTitle.trim(),
                    Math.max(1, maxAssociations), (int) idleTimeout.toMillis(), spool),
                    new IntakeStorageProvider(aeDirectory, openSessions, intake), threads());
            candidate.start();
            listener = candidate;
            LOG.info("DICOM listener: AE title " + aeTitle.trim() + " on port " + candidate.port());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "DICOM listener not started on port " + port + ": " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.stop();
            listener = null;
            LOG.info("DICOM listener stopped");
        }
    }

    /** Files left by a process that died while receiving: the sender was never told they were stored. */
    private static void clearSpool(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, "rx-*.part")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Association threads come from the server's managed thread factory, so the intake runs with the
     * application's context (JNDI, transactions); plain threads only if none can be found.
     */
    private static ThreadFactory threads() {
        for (String name : new String[] {"java:comp/DefaultManagedThreadFactory", "concurrent/__defaultManagedThreadFactory"}) {
            try {
                Object found = new InitialContext().lookup(name);
                if (found instanceof ThreadFactory factory) {
                    return factory;
                }
            } catch (NamingException | RuntimeException e) {
                LOG.fine(() -> "no managed thread factory at " + name);
            }
        }
        LOG.warning("DICOM listener: no managed thread factory found; using plain threads");
        return Executors.defaultThreadFactory();
    }
}
