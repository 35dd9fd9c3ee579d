package org.teleris.consult.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.teleris.consult.domain.intake.UploadSession;

/**
 * Upload sessions as last seen receiving, so that most instances read nothing before their index
 * transaction. A remembered session may be older than its row: the index transaction checks its state
 * and channels again under the row lock, and the intake forgets a session it found changed.
 */
@ApplicationScoped
public class ReceivingSessions {

    /** Completed sessions are never asked for again; past this many, memory starts over. */
    static final int REMEMBERED = 1000;

    @Inject
    IntakeRecords records;

    private final Map<String, UploadSession> remembered = new ConcurrentHashMap<>();

    /** The session as remembered, or as read now (and remembered when it receives). */
    public Optional<UploadSession> session(String id) {
        UploadSession seen = remembered.get(id);
        if (seen != null) {
            return Optional.of(seen);
        }
        Optional<UploadSession> read = records.session(id);
        if (read.isPresent() && read.get().acceptsInstances()) {
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(id, read.get());
        }
        return read;
    }

    /** The next instance of this session reads it again. */
    public void forget(String id) {
        remembered.remove(id);
    }
}
