package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.teleris.triage.domain.CaseState;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;

@ApplicationScoped
public class JpaTriageCaseRepository implements TriageCaseRepository {

    @PersistenceContext(unitName = "triage")
    private EntityManager em;

    protected JpaTriageCaseRepository() {
    }

    JpaTriageCaseRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Written at once: rows of the case's chat and history refer to it by id only, so JPA cannot
     * know it must insert the case first.
     */
    @Override
    public void add(TriageCase triageCase) {
        em.persist(triageCase);
        em.flush();
    }

    @Override
    public Optional<TriageCase> find(String id) {
        return Optional.ofNullable(em.find(TriageCase.class, id));
    }

    @Override
    public Optional<TriageCase> findForUpdate(String id) {
        return Optional.ofNullable(em.find(TriageCase.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<TriageCase> waitingUnalertedSince(Instant cutoff, int limit) {
        return em.createQuery("select c from TriageCase c where c.state = :submitted and c.createdAt < :cutoff"
                        + " and c.overdueAlertedAt is null order by c.createdAt", TriageCase.class)
                .setParameter("submitted", CaseState.SUBMITTED).setParameter("cutoff", cutoff)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<TriageCase> newest(String organisationId, int limit) {
        TypedQuery<TriageCase> query = organisationId == null
                ? em.createQuery("select c from TriageCase c order by c.createdAt desc, c.id", TriageCase.class)
                : em.createQuery("select c from TriageCase c where c.organisationId = :organisation"
                        + " order by c.createdAt desc, c.id", TriageCase.class)
                        .setParameter("organisation", organisationId);
        return query.setMaxResults(limit).getResultList();
    }
}
