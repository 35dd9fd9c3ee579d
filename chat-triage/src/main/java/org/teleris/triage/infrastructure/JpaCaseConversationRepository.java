package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.teleris.triage.domain.CaseConversationRepository;
import org.teleris.triage.domain.CaseHistoryEntry;
import org.teleris.triage.domain.CaseMessage;

@ApplicationScoped
public class JpaCaseConversationRepository implements CaseConversationRepository {

    @PersistenceContext(unitName = "triage")
    private EntityManager em;

    protected JpaCaseConversationRepository() {
    }

    JpaCaseConversationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(CaseMessage message) {
        em.persist(message);
    }

    @Override
    public void add(CaseHistoryEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<CaseMessage> messages(String caseId) {
        return em.createQuery("select m from CaseMessage m where m.caseId = :caseId order by m.postedAt, m.id",
                CaseMessage.class).setParameter("caseId", caseId).getResultList();
    }

    @Override
    public List<CaseHistoryEntry> history(String caseId) {
        return em.createQuery("select h from CaseHistoryEntry h where h.caseId = :caseId order by h.happenedAt, h.id",
                CaseHistoryEntry.class).setParameter("caseId", caseId).getResultList();
    }
}
