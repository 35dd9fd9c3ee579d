package org.teleris.consult.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
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
    ReceivingSessions sessions;

    @Inject
    InstanceDeidentification deidentification;

    @Inject
    StudyStorage storage;

    @Inject
    Event<InstanceIngested> ingested;

    @Override
    public IntakeOutcome receive(IntakeSource source, Path receivedFile) {
        IntakeTimingEvent timing = new IntakeTimingEvent();
        timing.begin();
        try {
            IntakeOutcome outcome = receive(source, receivedFile, timing);
            timing.outcome = outcome.status().name();
            return outcome;
        } finally {
            timing.commit();
        }
    }

    private IntakeOutcome receive(IntakeSource source, Path receivedFile, IntakeTimingEvent timing) {
        IntakeTimingEvent.Laps laps = new IntakeTimingEvent.Laps();
        long size = sizeOf(receivedFile);
        timing.size = size;
        Path staged;
        try {
            staged = storage.stagingFile();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the study store cannot stage an instance", e);
            return refusedBeforeIndex(source, size, storageFailed(null), null, null);
        }
        try {
            return receive(source, receivedFile, size, staged, timing, laps);
        } finally {
            deleteQuietly(staged);
        }
    }

    /**
     * De-identifies, publishes and indexes one instance. The session usually comes from memory (as last seen
     * receiving), so nothing is read before the index transaction: its content claim tells a UID seen for the
     * first time, the common case, from one to judge against its copies. The session's state is checked again
     * under its row lock when the instance is indexed; a refused instance looks the session up on its own.
     */
    private IntakeOutcome receive(IntakeSource source, Path receivedFile, long size, Path staged,
                                  IntakeTimingEvent timing, IntakeTimingEvent.Laps laps) {
        InstanceDeidentification.Prepared prepared = deidentification.prepare(receivedFile, source.organisationId(),
                staged);
        timing.deidentify = laps.lap();
        if (prepared instanceof InstanceDeidentification.Refused r) {
            return refusedBeforeIndex(source, size, refused(r.code(), r.reason(), null), null, r.reportJson());
        }
        InstanceDeidentification.Accepted accepted = (InstanceDeidentification.Accepted) prepared;
        String sop = accepted.header().sopInstanceUid();
        String study = accepted.header().studyInstanceUid();
        String sha;
        long storedSize;
        try {
            sha = sha256(staged);
            storedSize = Files.size(staged);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "reading a staged instance failed", e);
            return refusedBeforeIndex(source, size, storageFailed(sop), study, accepted.reportJson());
        }
        timing.stage = laps.lap();
        Optional<UploadSession> session = sessions.session(source.uploadSessionId());
        timing.sessionLookup = laps.lap();
        Optional<IntakeOutcome> refusal = sessionRefusal(source, size, session);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        UploadSession s = session.orElseThrow();
        StudyStorage.Publication file;
        StudyStorage.Timings published = new StudyStorage.Timings();
        try {
            file = storage.link(s.organisationId(), accepted.header(), sha, staged, published);
        } catch (IllegalArgumentException e) {
            return finish(source, s, size, refused("INVALID_UID",
                    "The instance's UIDs are not valid DICOM UIDs.", null), study, accepted.reportJson());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "storing instance of session " + s.id() + " failed", e);
            return finish(source, s, size, storageFailed(sop), study, accepted.reportJson());
        }
        timing.publish = laps.lap();
        IntakeOutcome outcome = index(source, s, size, accepted, sha, storedSize, file);
        timing.dbCommit = laps.lap();
        timing.fsync = published.fileFsync;
        timing.fsyncAwaited = published.awaited;
        return outcome;
    }

    /**
     * The index row, its counts and the audit's record in one transaction, prepared while the file's fsyncs run
     * and committed after them. A UID claimed before (or by a parallel receiver at the same moment) is judged
     * against its copies: the same content in this upload is a duplicate, the same content of another case is
     * indexed for this one too (without a claim), another content is a conflict; a file no row names is removed.
     */
    private IntakeOutcome index(IntakeSource source, UploadSession s, long size, InstanceDeidentification.Accepted accepted,
                                String sha, long storedSize, StudyStorage.Publication file) {
        String sop = accepted.header().sopInstanceUid();
        String study = accepted.header().studyInstanceUid();
        IntakeOutcome stored = new IntakeOutcome(IntakeOutcome.Status.STORED, sop, null, null);
        for (boolean claim = true; ; claim = false) {
            Optional<IntakeOutcome> verdict = Optional.empty();
            try {
                // the anonymisation audit's record commits with the index row: one commit per instance
                IntakeRecords.Indexing indexing = records.stored(s, accepted.header(), sha, storedSize, file,
                        source.channel(), claim, event(source, s, size, stored, study, accepted.reportJson()));
                if (indexing == IntakeRecords.Indexing.INDEXED_SESSION_CHANGED) {
                    sessions.forget(s.id()); // the next instance reads it again
                }
                if (indexing != IntakeRecords.Indexing.UID_CLAIMED_BEFORE) {
                    return stored;
                }
            } catch (IntakeRecords.FileNotDurableException e) {
                LOG.log(Level.WARNING, "an instance of session " + s.id() + " could not be made durable", e);
                verdict = Optional.of(storageFailed(sop));
            } catch (RuntimeException raced) {
                // a parallel receiver claimed or indexed this UID at the same moment, or the session was completed
                sessions.forget(s.id());
            }
            // judged with the session as it is now: the one remembered may have been completed since
            IntakeRecords.Judged judged = records.judge(s.id(), sop);
            Optional<UploadSession> now = judged.session().filter(UploadSession::acceptsInstances);
            if (verdict.isEmpty() && now.isPresent()) {
                verdict = againstIndex(s.id(), judged.copies(), sop, sha);
                if (verdict.isEmpty() && claim) {
                    continue;
                }
            }
            if (judged.copies().stream().noneMatch(i -> i.storagePath().equals(file.path()))) {
                storage.delete(file.path());
            }
            if (now.isEmpty()) {
                sessions.forget(s.id());
                return sessionRefusal(source, size, judged.session()).orElseThrow();
            }
            return finish(source, s, size, verdict.orElse(refused("SESSION_COMPLETE",
                    "The upload of this case was marked complete; nothing more is accepted.", sop)), study,
                    accepted.reportJson());
        }
    }

    /** Adds an instance the server generated (AI results) to the study of a session, complete or not. */
    public IntakeOutcome storeGenerated(String sessionId, Path file) throws IOException {
        UploadSession s = records.session(sessionId).orElseThrow(() -> new IllegalArgumentException("no session"));
        Path staged = storage.stagingFile();
        try {
            InstanceDeidentification.Accepted generated = deidentification.generatedByServer(file, staged);
            String sha = sha256(staged);
            String sop = generated.header().sopInstanceUid();
            List<StoredInstance> copies = records.copiesOf(sop);
            Optional<IntakeOutcome> known = againstIndex(s.id(), copies, sop, sha);
            if (known.isPresent()) {
                return known.get();
            }
            long storedSize = Files.size(staged);
            StudyStorage.Publication published = storage.link(s.organisationId(), generated.header(), sha, staged,
                    new StudyStorage.Timings());
            if (records.stored(s, generated.header(), sha, storedSize, published, IntakeChannel.AI, copies.isEmpty(), null)
                    == IntakeRecords.Indexing.UID_CLAIMED_BEFORE) {
                records.stored(s, generated.header(), sha, storedSize, published, IntakeChannel.AI, false, null);
            }
            return new IntakeOutcome(IntakeOutcome.Status.STORED, generated.header().sopInstanceUid(), null, null);
        } finally {
            deleteQuietly(staged);
        }
    }

    /**
     * Judges an instance against the index: already in this session with the same content is a
     * duplicate; another content under the same UID anywhere is a conflict (the first is kept);
     * the same content stored for another case is indexed for this one too (empty answer).
     */
    private static Optional<IntakeOutcome> againstIndex(String sessionId, List<StoredInstance> copies, String sop,
                                                        String sha) {
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

    /**
     * An instance refused before its session was read with the index: the session is looked up on
     * its own, and a missing or closed one is the answer instead of {@code outcome}.
     */
    private IntakeOutcome refusedBeforeIndex(IntakeSource source, long size, IntakeOutcome outcome, String study,
                                             String reportJson) {
        Optional<UploadSession> session = records.session(source.uploadSessionId());
        return sessionRefusal(source, size, session)
                .orElseGet(() -> finish(source, session.orElseThrow(), size, outcome, study, reportJson));
    }

    private static IntakeOutcome storageFailed(String sop) {
        return refused("STORAGE_FAILED", "The server could not store the instance; send it again.", sop);
    }

    /** No session of the sender's organisation (NO_SESSION), or one that takes nothing more (SESSION_COMPLETE). */
    private Optional<IntakeOutcome> sessionRefusal(IntakeSource source, long size, Optional<UploadSession> session) {
        Optional<UploadSession> ours = session.filter(s -> s.organisationId().equals(source.organisationId()));
        if (ours.isEmpty()) {
            IntakeOutcome refused = refused("NO_SESSION", "There is no upload session " + source.uploadSessionId()
                    + " for your organisation.", null);
            ingested.fire(event(source, null, size, refused, null, null));
            return Optional.of(refused);
        }
        if (!ours.get().acceptsInstances()) {
            return Optional.of(finish(source, ours.get(), size, refused("SESSION_COMPLETE",
                    "The upload of this case was marked complete; nothing more is accepted.", null), null, null));
        }
        return Optional.empty();
    }

    private IntakeOutcome finish(IntakeSource source, UploadSession s, long size, IntakeOutcome outcome,
                                 String study, String reportJson) {
        InstanceIngested event = event(source, s, size, outcome, study, reportJson);
        if (outcome.status() == IntakeOutcome.Status.DUPLICATE) {
            records.counted(s.id(), outcome, source.channel(), event);
        } else {
            // refusals and conflicts are also audited in the audit chain: outside the counting transaction
            records.counted(s.id(), outcome, source.channel(), null);
            ingested.fire(event);
        }
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

    /** SHA-256 of a file, read in 64 KB blocks (the staged file was just written: it is in the page cache). */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        ByteBuffer buffer = BUFFERS.get();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            buffer.clear();
            while (in.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "a staged instance could not be deleted (swept at the next start)", e);
        }
    }
}
