package org.teleris.ris.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.teleris.ris.domain.audit.AuditHead;
import org.teleris.ris.domain.audit.AuditRecord;
import org.teleris.ris.domain.audit.AuditRecordRepository;

@ApplicationScoped
public class JpaAuditRecordRepository implements AuditRecordRepository {

    private static final int HEAD_ID = 1;

    @PersistenceContext(unitName = "ris")
    private EntityManager em;

    protected JpaAuditRecordRepository() {
    }

    JpaAuditRecordRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public AuditHead lockHead() {
        return em.find(AuditHead.class, HEAD_ID, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public AuditHead head() {
        AuditHead head = em.find(AuditHead.class, HEAD_ID);
        em.refresh(head);
        return head;
    }

    @Override
    public void add(AuditRecord record) {
        em.persist(record);
    }

    @Override
    public List<AuditRecord> ascendingAfter(long afterSequence, int limit) {
        return em.createQuery("select r from AuditRecord r where r.sequence > :after order by r.sequence",
                        AuditRecord.class)
                .setParameter("after", afterSequence)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<AuditRecord> newest(AuditQuery query, int limit) {
        Map<String, Object> parameters = new TreeMap<>();
        StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        if (query.actor() != null) {
            where.add("r.actor = :actor");
            parameters.put("actor", query.actor());
        }
        if (query.action() != null) {
            where.add("r.action = :action");
            parameters.put("action", query.action());
        }
        if (query.objectId() != null) {
            where.add("r.objectId = :objectId");
            parameters.put("objectId", query.objectId());
        }
        if (query.from() != null) {
            where.add("r.recordedAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("r.recordedAt < :to");
            parameters.put("to", query.to());
        }
        TypedQuery<AuditRecord> typed = em.createQuery(
                "select r from AuditRecord r" + where + " order by r.sequence desc", AuditRecord.class);
        parameters.forEach(typed::setParameter);
        return typed.setMaxResults(limit).getResultList();
    }
}
