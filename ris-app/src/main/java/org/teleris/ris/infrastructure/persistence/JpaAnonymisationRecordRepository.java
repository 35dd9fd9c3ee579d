package org.teleris.ris.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.teleris.ris.domain.anonymisation.AnonymisationRecord;
import org.teleris.ris.domain.anonymisation.AnonymisationRecordRepository;

@ApplicationScoped
public class JpaAnonymisationRecordRepository implements AnonymisationRecordRepository {

    @PersistenceContext(unitName = "ris")
    private EntityManager em;

    protected JpaAnonymisationRecordRepository() {
    }

    JpaAnonymisationRecordRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(AnonymisationRecord record) {
        em.persist(record);
    }

    @Override
    public Optional<AnonymisationRecord> find(String id) {
        return Optional.ofNullable(em.find(AnonymisationRecord.class, id));
    }

    @Override
    public List<AnonymisationRecord> search(Filter f, int limit) {
        List<String> where = new ArrayList<>();
        if (f.organisationId() != null) {
            where.add("r.organisationId = :org");
        }
        if (f.from() != null) {
            where.add("r.receivedAt >= :from");
        }
        if (f.to() != null) {
            where.add("r.receivedAt < :to");
        }
        if (f.outcome() != null) {
            where.add("r.outcome = :outcome");
        }
        if (f.objectKind() != null) {
            where.add("r.objectKind = :kind");
        }
        if (f.uploadRef() != null) {
            where.add("r.uploadRef = :upload");
        }
        String jpql = "select r from AnonymisationRecord r" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by r.receivedAt desc";
        TypedQuery<AnonymisationRecord> q = em.createQuery(jpql, AnonymisationRecord.class);
        if (f.organisationId() != null) {
            q.setParameter("org", f.organisationId());
        }
        if (f.from() != null) {
            q.setParameter("from", f.from());
        }
        if (f.to() != null) {
            q.setParameter("to", f.to());
        }
        if (f.outcome() != null) {
            q.setParameter("outcome", f.outcome());
        }
        if (f.objectKind() != null) {
            q.setParameter("kind", f.objectKind());
        }
        if (f.uploadRef() != null) {
            q.setParameter("upload", f.uploadRef());
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public List<UploadPart> uploadParts(Filter f) {
        String jpql = "select r.uploadRef, r.caseId, r.organisationId, r.actor, r.channel, r.outcome, count(r),"
                + " sum(r.sizeBytes), min(r.receivedAt), max(r.receivedAt) from AnonymisationRecord r"
                + " where r.objectKind = :kind and r.uploadRef is not null"
                + (f.organisationId() == null ? "" : " and r.organisationId = :org")
                + (f.from() == null ? "" : " and r.receivedAt >= :from")
                + (f.to() == null ? "" : " and r.receivedAt < :to")
                + (f.uploadRef() == null ? "" : " and r.uploadRef = :upload")
                + " group by r.uploadRef, r.caseId, r.organisationId, r.actor, r.channel, r.outcome";
        var q = em.createQuery(jpql, Object[].class).setParameter("kind", AnonymisationRecord.ObjectKind.STUDY_INSTANCE.name());
        if (f.organisationId() != null) {
            q.setParameter("org", f.organisationId());
        }
        if (f.from() != null) {
            q.setParameter("from", f.from());
        }
        if (f.to() != null) {
            q.setParameter("to", f.to());
        }
        if (f.uploadRef() != null) {
            q.setParameter("upload", f.uploadRef());
        }
        return q.getResultList().stream().map(row -> new UploadPart((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4], (String) row[5], ((Number) row[6]).longValue(),
                ((Number) row[7]).longValue(), AggregateInstants.of(row[8]), AggregateInstants.of(row[9]))).toList();
    }
}
