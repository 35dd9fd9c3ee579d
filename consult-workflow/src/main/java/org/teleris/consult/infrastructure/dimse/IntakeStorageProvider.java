package org.teleris.consult.infrastructure.dimse;

import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.teleris.consult.application.intake.CallingAeDirectory;
import org.teleris.consult.application.intake.InstanceIntake;
import org.teleris.consult.application.intake.IntakeChannel;
import org.teleris.consult.application.intake.IntakeOutcome;
import org.teleris.consult.application.intake.IntakeSource;
import org.teleris.consult.application.intake.OpenUploadSessions;

/**
 * The product's side of an association: the calling AE must be an organisation's registered AE
 * title (else the association is refused); each instance goes to that organisation's open upload
 * session through {@link InstanceIntake}, and the outcome becomes the C-STORE status.
 */
final class IntakeStorageProvider implements StorageProvider {

    private static final Logger LOG = Logger.getLogger(IntakeStorageProvider.class.getName());

    /** Refused: not authorised (PS3.7 C.4.2): the organisation has no open upload session. */
    static final int NO_OPEN_SESSION = 0x0124;
    /** Error: cannot understand (PS3.4 B.2.3): the intake rejected the instance. */
    static final int REJECTED = 0xC000;
    /** Error (0xCxxx family): the SOP Instance UID is already stored with other content. */
    static final int CONFLICT = 0xC001;

    private final Instance<CallingAeDirectory> aeDirectory;
    private final Instance<OpenUploadSessions> openSessions;
    private final Instance<InstanceIntake> intake;

    IntakeStorageProvider(Instance<CallingAeDirectory> aeDirectory, Instance<OpenUploadSessions> openSessions,
                          Instance<InstanceIntake> intake) {
        this.aeDirectory = aeDirectory;
        this.openSessions = openSessions;
        this.intake = intake;
    }

    @Override
    public Peer admit(String callingAeTitle) {
        if (aeDirectory.isUnsatisfied()) {
            LOG.warning("DICOM association refused: no AE title directory is deployed");
            return null;
        }
        Optional<String> organisation = aeDirectory.get().organisationOf(callingAeTitle);
        return organisation.map(id -> (Peer) new AssociationPeer(callingAeTitle, id)).orElse(null);
    }

    /** One association's sender; the upload session is looked up at its first C-STORE and kept. */
    private final class AssociationPeer implements Peer {

        private final String callingAe;
        private final String organisationId;
        private IntakeSource source;

        AssociationPeer(String callingAe, String organisationId) {
            this.callingAe = callingAe;
            this.organisationId = organisationId;
        }

        @Override
        public StoreAnswer store(Path file) {
            if (openSessions.isUnsatisfied() || intake.isUnsatisfied()) {
                return new StoreAnswer(DimseAssociation.PROCESSING_FAILURE, "Intake not available; retry later");
            }
            if (source == null) {
                Optional<String> session = openSessions.get().openSessionFor(organisationId);
                if (session.isEmpty()) {
                    return new StoreAnswer(NO_OPEN_SESSION, "No open upload session: no full study was requested");
                }
                source = new IntakeSource(session.get(), organisationId, "AE:" + callingAe, IntakeChannel.C_STORE);
            }
            return answer(intake.get().receive(source, file));
        }
    }

    static StoreAnswer answer(IntakeOutcome outcome) {
        return switch (outcome.status()) {
            case STORED, DUPLICATE -> StoreAnswer.success();
            case CONFLICT -> new StoreAnswer(CONFLICT, comment("Conflict", outcome));
            case REJECTED -> new StoreAnswer(REJECTED, comment("Rejected", outcome));
        };
    }

    private static String comment(String what, IntakeOutcome outcome) {
        String code = outcome.reasonCode() == null ? "" : " " + outcome.reasonCode();
        String reason = outcome.reason() == null ? "" : ": " + outcome.reason();
        String text = what + code + reason;
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
