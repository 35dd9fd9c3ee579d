package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.teleris.triage.domain.CaseState;
import org.teleris.triage.domain.CaseTimeline;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;
import org.teleris.triage.domain.TriageCommand;

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
    public List<CaseTimeline> timelines(Instant from, Instant to, int limit) {
        List<TriageCase> found = em.createQuery("select c from TriageCase c where c.createdAt >= :from"
                        + " and c.createdAt < :to order by c.createdAt, c.id", TriageCase.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList();
        Map<String, Instant> firstClaims = new HashMap<>();
        // min() in JPQL would bypass the Instant converter (PostgreSQL returns a Timestamp for an
        // aggregate), so the few claims per case are folded here.
        List<Object[]> claims = em.createQuery("select h.caseId, h.happenedAt from CaseHistoryEntry h, TriageCase c"
                        + " where h.caseId = c.id and c.createdAt >= :from and c.createdAt < :to and h.action = :claim",
                        Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("claim", TriageCommand.CLAIM.name()).getResultList();
        for (Object[] row : claims) {
            firstClaims.merge((String) row[0], (Instant) row[1], (a, b) -> a.isBefore(b) ? a : b);
        }
        List<CaseTimeline> result = new ArrayList<>(found.size());
        for (TriageCase c : found) {
            Instant firstClaim = firstClaims.getOrDefault(c.id(), c.claimedAt());
            result.add(new CaseTimeline(c.id(), c.organisationId(), c.organisationName(), c.state(), c.createdAt(),
                    firstClaim, c.decidedAt(), c.claimedByName(), c.decidedByName()));
        }
        return result;
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
