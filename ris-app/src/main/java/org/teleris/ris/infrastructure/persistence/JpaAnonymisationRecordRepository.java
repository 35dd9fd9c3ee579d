package org.teleris.ris.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.teleris.ris.domain.anonymisation.AnonymisationRecord;
import org.teleris.ris.domain.anonymisation.AnonymisationRecordRepository;

@ApplicationScoped
public class JpaAnonymisationRecordRepository implements AnonymisationRecordRepository {

    /** Instants as the entity's columns hold them. */
    private static final InstantColumns INSTANTS = new InstantColumns();
    private static final String ADD = "insert into anonymisation_record (id, object_kind, channel, object_ref, upload_ref,"
            + " case_id, organisation_id, actor, received_at, media_kind, size_bytes, outcome, reason_code, reason, report)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @PersistenceContext(unitName = "ris")
    private EntityManager em;

    protected JpaAnonymisationRecordRepository() {
    }

    JpaAnonymisationRecordRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * A prepared statement on the transaction's own connection rather than {@code persist}: a full-study upload
     * writes one record per instance, in the C-STORE receiving thread's index transaction, and EclipseLink's
     * unit of work spent about a tenth of that thread's CPU registering, diffing and inserting it at commit. The
     * row is the entity's own columns (read back through JPA by the tests, on H2 and PostgreSQL); a new record is
     * never verified yet. A failure is a {@link PersistenceException}, which rolls the transaction back.
     */
    @Override
    public void add(AnonymisationRecord record) {
        try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement(ADD)) {
            Object[] values = {record.id(), record.objectKind().name(), record.channel(), record.objectRef(),
                    record.uploadRef(), record.caseId(), record.organisationId(), record.actor(),
                    INSTANTS.convertToDatabaseColumn(record.receivedAt()), record.mediaKind(), record.sizeBytes(),
                    record.outcome(), record.reasonCode(), record.reason(), record.report()};
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    insert.setNull(i + 1, Types.NULL); // the column's own type
                } else {
                    insert.setObject(i + 1, values[i]);
                }
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("anonymisation record not written: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<AnonymisationRecord> find(String id) {
        return Optional.ofNullable(em.find(AnonymisationRecord.class, id));
    }

    @Override
    public List<AnonymisationRecord> search(Filter f, int limit) {
        Conditions c = Conditions.of(f);
        TypedQuery<AnonymisationRecord> q = em.createQuery("select r from AnonymisationRecord r where " + c.jpql
                + " order by r.receivedAt desc", AnonymisationRecord.class);
        c.parameters.forEach(q::setParameter);
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public List<UploadPart> uploadParts(Filter f) {
        Conditions c = Conditions.of(new Filter(f.organisationId(), f.from(), f.to(), null,
                AnonymisationRecord.ObjectKind.STUDY_INSTANCE.name(), f.uploadRef()));
        // Folded here rather than with min()/max(): on PostgreSQL an aggregate of an instant column
        // reaches the Instant converter as a Timestamp and fails.
        TypedQuery<Object[]> q = em.createQuery("select r.uploadRef, r.caseId, r.organisationId, r.actor, r.channel,"
                + " r.outcome, r.sizeBytes, r.receivedAt from AnonymisationRecord r where r.uploadRef is not null and "
                + c.jpql, Object[].class);
        c.parameters.forEach(q::setParameter);
        Map<List<Object>, UploadPart> parts = new LinkedHashMap<>();
        for (Object[] row : q.getResultList()) {
            Instant at = (Instant) row[7];
            UploadPart one = new UploadPart((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], 1, ((Number) row[6]).longValue(), at, at);
            parts.merge(java.util.Arrays.asList(row).subList(0, 6), one, (a, b) -> new UploadPart(a.uploadRef(),
                    a.caseId(), a.organisationId(), a.actor(), a.channel(), a.outcome(), a.instances() + 1,
                    a.sizeBytes() + b.sizeBytes(), a.firstAt().isBefore(b.firstAt()) ? a.firstAt() : b.firstAt(),
                    a.lastAt().isAfter(b.lastAt()) ? a.lastAt() : b.lastAt()));
        }
        return List.copyOf(parts.values());
    }

    /** A filter as JPQL conditions on {@code r} and their parameters; "1 = 1" when nothing is set. */
    private record Conditions(String jpql, Map<String, Object> parameters) {

        static Conditions of(Filter f) {
            List<String> where = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            add(where, parameters, "r.organisationId = :org", "org", f.organisationId());
            add(where, parameters, "r.receivedAt >= :from", "from", f.from());
            add(where, parameters, "r.receivedAt < :to", "to", f.to());
            add(where, parameters, "r.outcome = :outcome", "outcome", f.outcome());
            add(where, parameters, "r.objectKind = :kind", "kind", f.objectKind());
            add(where, parameters, "r.uploadRef = :upload", "upload", f.uploadRef());
            return new Conditions(where.isEmpty() ? "1 = 1" : String.join(" and ", where), parameters);
        }

        private static void add(List<String> where, Map<String, Object> parameters, String condition, String name,
                                Object value) {
            if (value != null) {
                where.add(condition);
                parameters.put(name, value);
            }
        }
    }
}
