package org.teleris.consult.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.teleris.consult.domain.intake.InstanceHeader;
import org.teleris.consult.domain.intake.InstanceIngested;
import org.teleris.consult.domain.intake.IntakeRejection;
import org.teleris.consult.domain.intake.IntakeRepository;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.intake.UploadSession;

/**
 * The short transactions of the intake: the index row and the session's counters change together;
 * the slow work (de-identification, the file write) happens outside any transaction.
 */
@ApplicationScoped
public class IntakeRecords {

    @Inject
    IntakeRepository repository;

    @Inject
    Clock clock;

    @Inject
    Event<InstanceIngested> ingested;

    @Transactional
    public Optional<UploadSession> session(String id) {
        return repository.session(id);
    }

    /** The session and the instances indexed under a SOP Instance UID, read together. */
    public record Judged(Optional<UploadSession> session, List<StoredInstance> copies) {
    }

    @Transactional
    public Judged judge(String sessionId, String sopInstanceUid) {
        return new Judged(repository.session(sessionId), repository.copiesOf(sopInstanceUid));
    }

    @Transactional
    public List<StoredInstance> copiesOf(String sopInstanceUid) {
        return repository.copiesOf(sopInstanceUid);
    }

    /**
     * Indexes a written file and counts it, and fires its outcome event in the same transaction (the
     * anonymisation audit's record commits with the row); fails (and rolls back) when the UID was
     * indexed meanwhile or the session was completed. {@code seen} is the session as last seen receiving
     * ({@link ReceivingSessions}): usually the count is then one UPDATE of the row (which also takes its lock);
     * otherwise (the first instance, a new channel, a session completed meanwhile) the row is locked,
     * read and counted through the entity. With {@code claim}, the copy first claims the UID's content, and
     * nothing happens when the UID was claimed before (the caller judges it against its copies); a parallel
     * receiver's claim at the same moment makes this fail. The statements run while the file's fsyncs are
     * under way; the commit waits for them ({@code file} durable, or {@link FileNotDurableException} and a
     * rollback), so no committed row names a file that is not on disk.
     */
    @Transactional
    public Indexing stored(UploadSession seen, InstanceHeader header, String sha256, long size,
                           StudyStorage.Publication file, IntakeChannel channel, boolean claim, InstanceIngested outcome) {
        if (claim && !repository.claimContent(header.sopInstanceUid(), sha256)) {
            return Indexing.UID_CLAIMED_BEFORE;
        }
        Instant now = clock.instant();
        Indexing indexed = Indexing.INDEXED;
        if (!repository.countStoredInPlace(seen, channel.name(), size, now)) {
            indexed = Indexing.INDEXED_SESSION_CHANGED;
            UploadSession session = repository.lockedSession(seen.id()).orElseThrow();
            // the AI adds its results to a completed study; senders cannot
            if (!session.acceptsInstances() && channel != IntakeChannel.AI) {
                throw new IllegalStateException("session completed meanwhile");
            }
            session.received("STORED", size, channel.name(), now);
        }
        repository.add(new StoredInstance(seen, header, sha256, size, file.path(), channel.name(), now));
        if (outcome != null) {
            ingested.fire(outcome);
        }
        try {
            file.awaitDurable();
        } catch (IOException e) {
            throw new FileNotDurableException(file.path(), e);
        }
        return indexed;
    }

    /** What {@link #stored} did. */
    public enum Indexing {
        /** Indexed, and counted in the session as it was seen. */
        INDEXED,
        /** Indexed, and counted after reading the session again: it had changed since it was seen. */
        INDEXED_SESSION_CHANGED,
        /** Nothing: the UID was claimed before, by this upload or another. */
        UID_CLAIMED_BEFORE
    }

    /** The published file could not be made durable: the index transaction rolls back, and the sender is told. */
    public static final class FileNotDurableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FileNotDurableException(String path, IOException cause) {
            super("not durable: " + path, cause);
        }
    }

    /** Counts an outcome that stored nothing; fires {@code event}, if any, in the same transaction. */
    @Transactional
    public void counted(String sessionId, IntakeOutcome outcome, IntakeChannel channel, InstanceIngested event) {
        if (event != null) {
            ingested.fire(event);
        }
        repository.lockedSession(sessionId).ifPresent(session -> {
            session.received(outcome.status().name(), 0, channel.name(), clock.instant());
            if (!outcome.stored()) {
                repository.add(new IntakeRejection(sessionId, outcome.status().name(), outcome.reasonCode(),
                        outcome.reason(), outcome.sopInstanceUid(), channel.name(), clock.instant()));
            }
        });
    }
}
