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
        return q.setMaxResults(limit).getResultList();
    }
}
