package org.teleris.consult.domain.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Upload sessions, the stored-instance index and rejections. */
public interface IntakeRepository {

    void add(UploadSession session);

    Optional<UploadSession> session(String id);

    /** The session with a row lock held until commit: counters of parallel receivers add up. */
    Optional<UploadSession> lockedSession(String id);

    /**
     * Counts one more stored instance of {@code storedSize} bytes, as {@link UploadSession#received}
     * would, in one UPDATE that holds the row lock until commit (parallel receivers add up), when
     * {@code seen} (read earlier, without a lock) {@linkplain UploadSession#storingChangesOnlyCounters
     * needs nothing else} and the row still is as seen: receiving, with the same channels (they only
     * ever grow). Answers false when it counted nothing; the caller then locks the row and counts
     * through the entity.
     */
    boolean countStoredInPlace(UploadSession seen, String channel, long storedSize, Instant now);

    Optional<UploadSession> sessionOfCase(String caseId);

    /** Not yet complete, newest first. */
    List<UploadSession> openSessionsOf(String organisationId);

    List<UploadSession> receivingSessions();

    /** Every upload session's row of this SOP Instance UID (one file per content). */
    List<StoredInstance> copiesOf(String sopInstanceUid);

    /** Any row of this SOP Instance UID: the rows of one UID name the same content. */
    default Optional<StoredInstance> instance(String sopInstanceUid) {
        return copiesOf(sopInstanceUid).stream().findFirst();
    }

    void add(StoredInstance instance);

    /**
     * Records the content a SOP Instance UID is first stored with, in the transaction that indexes that copy.
     * Answers false, changing nothing, when the UID was claimed before (whatever its content); throws (and the
     * transaction rolls back) when a parallel transaction claims it at the same moment.
     */
    boolean claimContent(String sopInstanceUid, String sha256);

    void add(IntakeRejection rejection);

    List<IntakeRejection> rejectionsOf(String sessionId, int limit);

    /** The session's studies with their counts, by study UID; counted by the database, no instance is loaded. */
    List<SessionStudy> studiesOfSession(String sessionId);

    List<StoredInstance> instancesOfStudy(String studyInstanceUid);

    /**
     * The studies a search matches, most recently stored first, one page of them; grouped, counted and filtered by
     * the database (no instance is loaded).
     */
    List<StudySummary> searchStudies(StudySearch search, int offset, int limit);

    /** Every storage path in the index, for the start-up sweep of orphan files. */
    List<String> allStoragePaths();
}
