package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.teleris.triage.domain.ChannelEvent;
import org.teleris.triage.domain.ChannelEventRepository;

@ApplicationScoped
public class JpaChannelEventRepository implements ChannelEventRepository {

    @PersistenceContext(unitName = "triage")
    private EntityManager em;

    protected JpaChannelEventRepository() {
    }

    JpaChannelEventRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public long claimNextSequence() {
        return em.find(ChannelSequence.class, ChannelSequence.THE_ONLY_ROW, LockModeType.PESSIMISTIC_WRITE).next();
    }

    @Override
    public void add(ChannelEvent event) {
        em.persist(event);
    }

    @Override
    public List<ChannelEvent> after(long sequence, String organisationId, int limit) {
        TypedQuery<ChannelEvent> query = organisationId == null
                ? em.createQuery("select e from ChannelEvent e where e.sequence > :after order by e.sequence",
                        ChannelEvent.class)
                : em.createQuery("select e from ChannelEvent e where e.sequence > :after"
                        + " and e.organisationId = :organisation order by e.sequence", ChannelEvent.class)
                        .setParameter("organisation", organisationId);
        return query.setParameter("after", sequence).setMaxResults(limit).getResultList();
    }
}
