package org.teleris.consult.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
     * indexed meanwhile.
     */
    @Transactional
    public void stored(String sessionId, InstanceHeader header, String sha256, long size, String path,
                       IntakeChannel channel, InstanceIngested outcome) {
        UploadSession session = repository.lockedSession(sessionId).orElseThrow();
        // the AI adds its results to a completed study; senders cannot
        if (!session.acceptsInstances() && channel != IntakeChannel.AI) {
            throw new IllegalStateException("session completed meanwhile");
        }
        repository.add(new StoredInstance(session, header, sha256, size, path, channel.name(), clock.instant()));
        session.received("STORED", size, channel.name(), clock.instant());
        if (outcome != null) {
            ingested.fire(outcome);
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
