package org.teleris.consult.domain.intake;

import java.util.List;
import java.util.Optional;

/** Upload sessions, the stored-instance index and rejections. */
public interface IntakeRepository {

    void add(UploadSession session);

    Optional<UploadSession> session(String id);

    /** The session with a row lock held until commit: counters of parallel receivers add up. */
    Optional<UploadSession> lockedSession(String id);

    Optional<UploadSession> sessionOfCase(String caseId);

    /** Not yet complete, newest first. */
    List<UploadSession> openSessionsOf(String organisationId);

    List<UploadSession> receivingSessions();

    Optional<StoredInstance> instance(String sopInstanceUid);

    void add(StoredInstance instance);

    void add(IntakeRejection rejection);

    List<IntakeRejection> rejectionsOf(String sessionId, int limit);

    List<StoredInstance> instancesOfSession(String sessionId);

    List<StoredInstance> instancesOfStudy(String studyInstanceUid);

    /** Newest first. */
    List<StoredInstance> instancesOfOrganisation(String organisationId);

    /** Of sessions whose upload is complete, newest first. */
    List<StoredInstance> instancesOfCompleteSessions();

    /** Every storage path in the index, for the start-up sweep of orphan files. */
    List<String> allStoragePaths();
}
