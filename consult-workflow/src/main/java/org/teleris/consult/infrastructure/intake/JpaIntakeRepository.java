package org.teleris.consult.infrastructure.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.teleris.consult.domain.intake.IntakeRejection;
import org.teleris.consult.domain.intake.IntakeRepository;
import org.teleris.consult.domain.intake.SessionStudy;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.intake.StudySearch;
import org.teleris.consult.domain.intake.StudySummary;
import org.teleris.consult.domain.intake.UploadSession;
import org.teleris.consult.domain.intake.UploadSessionState;
import org.teleris.consult.infrastructure.InstantColumns;

@ApplicationScoped
public class JpaIntakeRepository implements IntakeRepository {

    /** Instants as the entities' columns hold them. */
    private static final InstantColumns INSTANTS = new InstantColumns();
    private static final String COUNT_STORED = "update upload_session set stored_count = stored_count + 1,"
            + " stored_bytes = stored_bytes + ?, last_received_at = ?, version = version + 1"
            + " where id = ? and state = ? and channels = ?";
    private static final String ADD_STORED = "insert into stored_instance (sop_instance_uid, upload_session_id,"
            + " organisation_id, case_id, study_instance_uid, series_instance_uid, sop_class_uid, transfer_syntax_uid,"
            + " patient_pseudonym, modality, series_number, instance_number, series_description, study_date, frame_count,"
            + " content_sha256, size_bytes, storage_path, received_via, stored_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CLAIM_CONTENT = "insert into instance_content (sop_instance_uid, content_sha256)"
            + " select ?, ? where not exists (select 1 from instance_content where sop_instance_uid = ?)";

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
        return execute(COUNT_STORED, storedSize, INSTANTS.convertToDatabaseColumn(now.truncatedTo(ChronoUnit.MILLIS)),
                seen.id(), UploadSessionState.RECEIVING.name(), seen.channels()) == 1;
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
        execute(ADD_STORED, instance.sopInstanceUid(), instance.uploadSessionId(), instance.organisationId(),
                instance.caseId(), instance.studyInstanceUid(), instance.seriesInstanceUid(), instance.sopClassUid(),
                instance.transferSyntaxUid(), instance.patientPseudonym(), instance.modality(), instance.seriesNumber(),
                instance.instanceNumber(), instance.seriesDescription(), instance.studyDate(), instance.frameCount(),
                instance.contentSha256(), instance.sizeBytes(), instance.storagePath(), instance.receivedVia(),
                INSTANTS.convertToDatabaseColumn(instance.storedAt()));
    }

    @Override
    public boolean claimContent(String sopInstanceUid, String sha256) {
        // a plain row with no entity: only its primary key matters; a UID claimed before inserts nothing (no
        // exception, so a study sent again costs no failed transaction), and a parallel claim fails at once
        return execute(CLAIM_CONTENT, sopInstanceUid, sha256, sopInstanceUid) == 1;
    }

    /**
     * The three statements every stored instance runs (claim, count, row) go to JDBC on the transaction's own
     * connection: through EclipseLink each was built, translated and prepared again per call (the bulk update with
     * its parameters written into the SQL, so the database parsed it every time), and the row was registered and
     * flushed by the unit of work: about a third of the receiving thread's CPU in the C-STORE benchmark. The
     * rows are the entities' own columns; the tests read them back through JPA on H2 and PostgreSQL. A failure is
     * a {@link PersistenceException}, which rolls the transaction back.
     */
    private int execute(String sql, Object... parameters) {
        try (PreparedStatement statement = em.unwrap(Connection.class).prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.NULL); // the column's own type (optional header values)
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("intake statement failed: " + e.getMessage(), e);
        }
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
    public List<SessionStudy> studiesOfSession(String sessionId) {
        List<Object[]> rows = em.createQuery("select i.studyInstanceUid, min(i.patientPseudonym),"
                        + " count(distinct i.seriesInstanceUid), count(i) from StoredInstance i"
                        + " where i.uploadSessionId = :s group by i.studyInstanceUid order by i.studyInstanceUid",
                        Object[].class).setParameter("s", sessionId).getResultList();
        return rows.stream().map(r -> new SessionStudy((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue())).toList();
    }

    @Override
    public List<StoredInstance> instancesOfStudy(String studyInstanceUid) {
        return em.createQuery("select i from StoredInstance i where i.studyInstanceUid = :s"
                        + " order by i.seriesNumber, i.seriesInstanceUid, i.instanceNumber", StoredInstance.class)
                .setParameter("s", studyInstanceUid).getResultList();
    }

    @Override
    public List<StudySummary> searchStudies(StudySearch search, int offset, int limit) {
        return new JpaStudySearch(em).page(search, offset, limit);
    }

    @Override
    public List<String> allStoragePaths() {
        return em.createQuery("select distinct i.storagePath from StoredInstance i", String.class).getResultList();
    }
}
