package org.teleris.consult.infrastructure.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.teleris.consult.domain.intake.IntakeRejection;
import org.teleris.consult.domain.intake.IntakeRepository;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.intake.UploadSession;
import org.teleris.consult.domain.intake.UploadSessionState;

@ApplicationScoped
public class JpaIntakeRepository implements IntakeRepository {

    @PersistenceContext(unitName = "consult")
    private EntityManager em;

    protected JpaIntakeRepository() {
    }

    JpaIntakeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(UploadSession session) {
        em.persist(session);
        em.flush();
    }

    @Override
    public Optional<UploadSession> session(String id) {
        return Optional.ofNullable(em.find(UploadSession.class, id));
    }

    @Override
    public Optional<UploadSession> lockedSession(String id) {
        return Optional.ofNullable(em.find(UploadSession.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public boolean countStoredInPlace(UploadSession seen, String channel, long storedSize, Instant now) {
        if (!seen.storingChangesOnlyCounters(channel)) {
            return false;
        }
        // The version moves as with the entity's own update, so a writer holding an older copy fails.
        return em.createQuery("update UploadSession s set s.storedCount = s.storedCount + 1,"
                        + " s.storedBytes = s.storedBytes + :size, s.lastReceivedAt = :now, s.version = s.version + 1"
                        + " where s.id = :id and s.state = :receiving and s.channels = :channels")
                .setParameter("size", storedSize)
                .setParameter("now", now.truncatedTo(ChronoUnit.MILLIS))
                .setParameter("id", seen.id())
                .setParameter("receiving", UploadSessionState.RECEIVING)
                .setParameter("channels", seen.channels())
                .executeUpdate() == 1;
    }

    @Override
    public Optional<UploadSession> sessionOfCase(String caseId) {
        return em.createQuery("select s from UploadSession s where s.caseId = :c", UploadSession.class)
                .setParameter("c", caseId).getResultStream().findFirst();
    }

    @Override
    public List<UploadSession> openSessionsOf(String organisationId) {
        return em.createQuery("select s from UploadSession s where s.organisationId = :o and s.state <> :done"
                        + " order by s.createdAt desc", UploadSession.class)
                .setParameter("o", organisationId).setParameter("done", UploadSessionState.COMPLETE).getResultList();
    }

    @Override
    public List<UploadSession> receivingSessions() {
        return em.createQuery("select s from UploadSession s where s.state = :r", UploadSession.class)
                .setParameter("r", UploadSessionState.RECEIVING).getResultList();
    }

    @Override
    public List<StoredInstance> copiesOf(String sopInstanceUid) {
        return em.createQuery("select i from StoredInstance i where i.sopInstanceUid = :s order by i.storedAt, i.uploadSessionId",
                StoredInstance.class).setParameter("s", sopInstanceUid).getResultList();
    }

    @Override
    public void add(StoredInstance instance) {
        em.persist(instance);
        em.flush();
    }

    @Override
    public boolean claimContent(String sopInstanceUid, String sha256) {
        // a plain row with no entity: only its primary key matters; a UID claimed before inserts nothing (no
        // exception, so a study sent again costs no failed transaction), and a parallel claim fails at once
        return em.createNativeQuery("insert into instance_content (sop_instance_uid, content_sha256)"
                        + " select ?1, ?2 where not exists (select 1 from instance_content where sop_instance_uid = ?3)")
                .setParameter(1, sopInstanceUid).setParameter(2, sha256).setParameter(3, sopInstanceUid)
                .executeUpdate() == 1;
    }

    @Override
    public void add(IntakeRejection rejection) {
        em.persist(rejection);
    }

    @Override
    public List<IntakeRejection> rejectionsOf(String sessionId, int limit) {
        return em.createQuery("select r from IntakeRejection r where r.uploadSessionId = :s order by r.at desc",
                IntakeRejection.class).setParameter("s", sessionId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<StoredInstance> instancesOfSession(String sessionId) {
        return em.createQuery("select i from StoredInstance i where i.uploadSessionId = :s"
                        + " order by i.studyInstanceUid, i.seriesNumber, i.instanceNumber", StoredInstance.class)
                .setParameter("s", sessionId).getResultList();
    }

    @Override
    public List<StoredInstance> instancesOfStudy(String studyInstanceUid) {
        return em.createQuery("select i from StoredInstance i where i.studyInstanceUid = :s"
                        + " order by i.seriesNumber, i.seriesInstanceUid, i.instanceNumber", StoredInstance.class)
                .setParameter("s", studyInstanceUid).getResultList();
    }

    @Override
    public List<StoredInstance> instancesOfOrganisation(String organisationId) {
        return em.createQuery("select i from StoredInstance i where i.organisationId = :o order by i.storedAt desc",
                StoredInstance.class).setParameter("o", organisationId).getResultList();
    }

    @Override
    public List<StoredInstance> instancesOfCompleteSessions() {
        return em.createQuery("select i from StoredInstance i, UploadSession s where s.id = i.uploadSessionId"
                        + " and s.state = :done order by i.storedAt desc", StoredInstance.class)
                .setParameter("done", UploadSessionState.COMPLETE).getResultList();
    }

    @Override
    public List<String> allStoragePaths() {
        return em.createQuery("select distinct i.storagePath from StoredInstance i", String.class).getResultList();
    }
}
