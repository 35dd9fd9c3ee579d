package org.teleris.consult.application.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.intake.InstanceIntake;
import org.teleris.consult.application.intake.IntakeChannel;
import org.teleris.consult.application.intake.IntakeSource;
import org.teleris.consult.application.intake.UploadSessionNotFoundException;
import org.teleris.consult.application.intake.UploadSessions;
import org.teleris.consult.domain.intake.UploadSessionState;
import org.teleris.consult.domain.upload.ResumableUpload;
import org.teleris.consult.application.upload.UploadRefusedException.Reason;

/**
 * Resumable uploads of the full study (tus 1.0): a doctor creates one upload per file for an upload
 * session of their organisation, appends bytes at the durable offset (one writer at a time), and the
 * upload is handed to the intake as soon as its last byte is durable: one instance, or each entry of a
 * zip. The outcome stays readable until the client deletes the upload or it expires.
 */
@ApplicationScoped
public class ResumableUploads {

    private static final Logger LOG = Logger.getLogger(ResumableUploads.class.getName());
    private static final SecureRandom IDS = new SecureRandom();

    @Inject
    UploadStore store;

    @Inject
    UploadSessions sessions;

    @Inject
    InstanceIntake intake;

    @Inject
    @ConfigProperty(name = "ris.upload.max-size", defaultValue = "4294967296")
    long maxSize;

    @Inject
    @ConfigProperty(name = "ris.upload.expiry", defaultValue = "PT24H")
    Duration expiry;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, ReentrantLock> writers = new ConcurrentHashMap<>();

    /** What the tus resource answers after a request: the upload now, and the outcomes once handed over. */
    public record State(ResumableUpload upload, Instant expiresAt, List<FileOutcome> outcomes) {
    }

    public long maxSize() {
        return maxSize;
    }

    public State create(ConsultUser doctor, long length, String uploadSessionId, String channel) {
        if (length < 1) {
            throw new UploadRefusedException(Reason.BAD_REQUEST, "Upload-Length must be a positive number of bytes.");
        }
        if (length > maxSize) {
            throw new UploadRefusedException(Reason.TOO_LARGE, "The file is larger than the " + maxSize
                    + " bytes one upload may hold.");
        }
        if (uploadSessionId == null || uploadSessionId.isBlank()) {
            throw new UploadRefusedException(Reason.BAD_REQUEST,
                    "Upload-Metadata must name the upload session: 'session <base64 id>'.");
        }
        UploadSessions.Admission session;
        try {
            session = sessions.admission(doctor, uploadSessionId);
        } catch (UploadSessionNotFoundException e) {
            session = null;
        }
        if (session == null || !doctor.organisationId().equals(session.organisationId())) {
            throw new UploadRefusedException(Reason.NOT_FOUND, "There is no upload session " + uploadSessionId + ".");
        }
        if (session.state() == UploadSessionState.COMPLETE) {
            throw new UploadRefusedException(Reason.SESSION_CLOSED,
                    "The upload of this case was marked complete; nothing more is accepted.");
        }
        Instant now = clock.instant();
        byte[] id = new byte[16];
        IDS.nextBytes(id);
        ResumableUpload upload = new ResumableUpload(HexFormat.of().formatHex(id), doctor.organisationId(),
                doctor.username(), uploadSessionId, "CLI".equalsIgnoreCase(channel) ? "CLI" : "BROWSER", length, 0,
                now, now, false);
        try {
            store.create(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new State(upload, upload.expiresAt(expiry), List.of());
    }

    /** HEAD and GET: where the upload stands; an upload received before a crash is handed over now. */
    public State state(ConsultUser caller, String id) {
        ResumableUpload upload = owned(caller, id);
        if (upload.received() && !upload.processed()) {
            ReentrantLock lock = writers.computeIfAbsent(id, k -> new ReentrantLock());
            if (lock.tryLock()) {
                try {
                    upload = owned(caller, id);
                    if (!upload.processed()) {
                        handOver(upload);
                        upload = owned(caller, id);
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
        return new State(upload, upload.expiresAt(expiry), upload.processed() ? store.outcomes(id) : List.of());
    }

    /** PATCH: bytes at the durable offset; the last byte hands the upload to the intake. */
    public State append(ConsultUser caller, String id, long offset, InputStream body, ChecksumClaim checksum) {
        ReentrantLock lock = writers.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            owned(caller, id);
            throw new UploadRefusedException(Reason.BUSY,
                    "Another request is writing to this upload; ask for its offset (HEAD) and retry.");
        }
        try {
            ResumableUpload upload = owned(caller, id);
            if (!upload.acceptsBytesAt(offset)) {
                throw new UploadRefusedException(Reason.OFFSET_MISMATCH, "Upload-Offset " + offset
                        + " does not match the " + upload.offset() + " bytes received of " + upload.length() + ".");
            }
            UploadStore.Appended appended;
            try {
                appended = store.append(upload, body, upload.length() - upload.offset(), checksum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (appended.checksumMismatch()) {
                throw new UploadRefusedException(Reason.CHECKSUM_MISMATCH,
                        "The bytes do not match Upload-Checksum; they were discarded, send them again.");
            }
            if (appended.clientGone() != null) {
                throw new ClientGoneException(appended.clientGone());
            }
            upload = upload.at(appended.offset(), clock.instant());
            List<FileOutcome> outcomes = List.of();
            if (upload.received()) {
                outcomes = handOver(upload);
                upload = owned(caller, id);
            }
            return new State(upload, upload.expiresAt(expiry), outcomes);
        } finally {
            lock.unlock();
        }
    }

    /** DELETE (tus termination): the partial bytes or the kept outcome go. */
    public void terminate(ConsultUser caller, String id) {
        ReentrantLock lock = writers.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            owned(caller, id);
            throw new UploadRefusedException(Reason.BUSY, "The upload is being written; retry in a moment.");
        }
        try {
            owned(caller, id);
            store.delete(id);
        } finally {
            lock.unlock();
            writers.remove(id);
        }
    }

    /** Deletes uploads whose last write is older than the expiry; returns how many. */
    public int removeExpired() {
        Instant now = clock.instant();
        int removed = 0;
        for (String id : store.ids()) {
            ResumableUpload upload = store.find(id).orElse(null);
            if (upload != null && upload.expired(now, expiry)) {
                ReentrantLock lock = writers.computeIfAbsent(id, k -> new ReentrantLock());
                if (lock.tryLock()) {
                    try {
                        store.delete(id);
                        removed++;
                    } finally {
                        lock.unlock();
                        writers.remove(id);
                    }
                }
            }
        }
        return removed;
    }

    private ResumableUpload owned(ConsultUser caller, String id) {
        ResumableUpload upload = store.find(id).filter(u -> caller.organisationId().equals(u.organisationId()))
                .orElseThrow(() -> new UploadRefusedException(Reason.NOT_FOUND, "There is no upload " + id + "."));
        if (upload.expired(clock.instant(), expiry)) {
            throw new UploadRefusedException(Reason.GONE, "The upload expired; start it again.");
        }
        return upload;
    }

    /** The intake gets the clear bytes (one instance, or each zip entry), then only the outcomes are kept. */
    private List<FileOutcome> handOver(ResumableUpload upload) {
        IntakeSource source = new IntakeSource(upload.uploadSessionId(), upload.organisationId(), upload.username(),
                IntakeChannel.valueOf(upload.channel()));
        try {
            Path plain = store.plaintext(upload);
            List<FileOutcome> outcomes;
            try {
                outcomes = ZipUnpacking.isZip(plain)
                        ? ZipUnpacking.unpack(plain, store.scratch(upload, "entry.part"), ZipUnpacking.Limits.standard(),
                                (entry, file) -> FileOutcome.of(entry, intake.receive(source, file)))
                        : List.of(FileOutcome.of(0, intake.receive(source, plain)));
            } finally {
                Files.deleteIfExists(plain);
            }
            store.recordOutcomes(upload, outcomes);
            LOG.log(Level.FINE, "upload {0} handed to the intake: {1} file(s)", new Object[] {upload.id(), outcomes.size()});
            return outcomes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
