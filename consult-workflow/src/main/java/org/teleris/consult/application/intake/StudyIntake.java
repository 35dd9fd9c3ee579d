package org.teleris.consult.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.teleris.consult.domain.intake.InstanceIngested;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.intake.UploadSession;

/**
 * The one door of stage II intake (browser, command line, STOW-RS, C-STORE): de-identify or
 * verify, deduplicate, write atomically, then index in one short transaction. Bad content is an
 * outcome with a reason, never an exception.
 */
@ApplicationScoped
public class StudyIntake implements InstanceIntake {

    private static final Logger LOG = Logger.getLogger(StudyIntake.class.getName());

    @Inject
    IntakeRecords records;

    @Inject
    InstanceDeidentification deidentification;

    @Inject
    StudyStorage storage;

    @Inject
    Event<InstanceIngested> ingested;

    @Override
    public IntakeOutcome receive(IntakeSource source, Path receivedFile) {
        long size = sizeOf(receivedFile);
        Optional<UploadSession> session = records.session(source.uploadSessionId())
                .filter(s -> s.organisationId().equals(source.organisationId()));
        if (session.isEmpty()) {
            IntakeOutcome refused = refused("NO_SESSION", "There is no upload session " + source.uploadSessionId()
                    + " for your organisation.", null);
            ingested.fire(event(source, null, size, refused, null, null));
            return refused;
        }
        UploadSession s = session.get();
        if (!s.acceptsInstances()) {
            return finish(source, s, size, refused("SESSION_COMPLETE",
                    "The upload of this case was marked complete; nothing more is accepted.", null), null, null);
        }
        InstanceDeidentification.Prepared prepared = deidentification.prepare(receivedFile, source.organisationId());
        if (prepared instanceof InstanceDeidentification.Refused r) {
            return finish(source, s, size, refused(r.code(), r.reason(), null), null, r.reportJson());
        }
        InstanceDeidentification.Accepted accepted = (InstanceDeidentification.Accepted) prepared;
        String sop = accepted.header().sopInstanceUid();
        String study = accepted.header().studyInstanceUid();
        String sha = sha256(accepted.bytes());
        Optional<IntakeOutcome> known = againstIndex(s.id(), sop, sha);
        if (known.isPresent()) {
            return finish(source, s, size, known.get(), study, accepted.reportJson());
        }
        String path;
        try {
            path = storage.write(s.organisationId(), accepted.header(), sha, accepted.bytes());
        } catch (IllegalArgumentException e) {
            return finish(source, s, size, refused("INVALID_UID",
                    "The instance's UIDs are not valid DICOM UIDs.", null), study, accepted.reportJson());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "storing instance of session " + s.id() + " failed", e);
            return finish(source, s, size, refused("STORAGE_FAILED",
                    "The server could not store the instance; send it again.", sop), study, accepted.reportJson());
        }
        try {
            records.stored(s.id(), accepted.header(), sha, accepted.bytes().length, path, source.channel());
        } catch (RuntimeException raced) {
            // Indexed meanwhile by a parallel receiver (or the session was completed): judge again.
            IntakeOutcome again = againstIndex(s.id(), sop, sha).orElse(refused("SESSION_COMPLETE",
                    "The upload of this case was marked complete; nothing more is accepted.", sop));
            if (records.copiesOf(sop).stream().noneMatch(i -> i.storagePath().equals(path))) {
                storage.delete(path);
            }
            return finish(source, s, size, again, study, accepted.reportJson());
        }
        IntakeOutcome stored = new IntakeOutcome(IntakeOutcome.Status.STORED, sop, null, null);
        ingested.fire(event(source, s, size, stored, study, accepted.reportJson()));
        return stored;
    }

    /** Adds an instance the server generated (AI results) to the study of a session, complete or not. */
    public IntakeOutcome storeGenerated(String sessionId, Path file) throws IOException {
        UploadSession s = records.session(sessionId).orElseThrow(() -> new IllegalArgumentException("no session"));
        InstanceDeidentification.Accepted generated = deidentification.generatedByServer(file);
        String sha = sha256(generated.bytes());
        Optional<IntakeOutcome> known = againstIndex(s.id(), generated.header().sopInstanceUid(), sha);
        if (known.isPresent()) {
            return known.get();
        }
        String path = storage.write(s.organisationId(), generated.header(), sha, generated.bytes());
        records.stored(s.id(), generated.header(), sha, generated.bytes().length, path, IntakeChannel.AI);
        return new IntakeOutcome(IntakeOutcome.Status.STORED, generated.header().sopInstanceUid(), null, null);
    }

    /**
     * Judges an instance against the index: already in this session with the same content is a
     * duplicate; another content under the same UID anywhere is a conflict (the first is kept);
     * the same content stored for another case is indexed for this one too (empty answer).
     */
    private Optional<IntakeOutcome> againstIndex(String sessionId, String sop, String sha) {
        List<StoredInstance> copies = records.copiesOf(sop);
        if (copies.stream().anyMatch(c -> !c.sameContentAs(sha))) {
            return Optional.of(new IntakeOutcome(IntakeOutcome.Status.CONFLICT, sop, "CONFLICT",
                    "An instance with this SOP Instance UID is already stored with different content; the first one"
                            + " is kept."));
        }
        if (copies.stream().anyMatch(c -> c.uploadSessionId().equals(sessionId))) {
            return Optional.of(new IntakeOutcome(IntakeOutcome.Status.DUPLICATE, sop, null, null));
        }
        return Optional.empty();
    }

    private IntakeOutcome finish(IntakeSource source, UploadSession s, long size, IntakeOutcome outcome,
                                 String study, String reportJson) {
        records.counted(s.id(), outcome, source.channel());
        ingested.fire(event(source, s, size, outcome, study, reportJson));
        return outcome;
    }

    private static IntakeOutcome refused(String code, String reason, String sop) {
        return new IntakeOutcome(IntakeOutcome.Status.REJECTED, sop, code, reason);
    }

    private static InstanceIngested event(IntakeSource source, UploadSession s, long size, IntakeOutcome o,
                                          String study, String reportJson) {
        return new InstanceIngested(source.uploadSessionId(), s == null ? null : s.caseId(), source.organisationId(),
                source.sender(), source.channel().name(), size, o.status().name(), o.reasonCode(), o.sopInstanceUid(),
                study, reportJson, o.reason());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
