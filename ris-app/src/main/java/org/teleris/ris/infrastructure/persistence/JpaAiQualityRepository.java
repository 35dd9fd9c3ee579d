package org.teleris.ris.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.teleris.ris.domain.aiquality.AiQualityRepository;
import org.teleris.ris.domain.aiquality.AiRun;
import org.teleris.ris.domain.aiquality.AiStage;
import org.teleris.ris.domain.aiquality.ReferenceDecision;

@ApplicationScoped
public class JpaAiQualityRepository implements AiQualityRepository {

    /** Bind lists stay well below every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    @PersistenceContext(unitName = "ris")
    private EntityManager em;

    protected JpaAiQualityRepository() {
    }

    JpaAiQualityRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(AiRun run) {
        em.persist(run);
    }

    @Override
    public List<AiRun> runsBetween(Instant from, Instant to) {
        return em.createQuery("select r from AiRun r where r.createdAt >= :from and r.createdAt < :to"
                        + " order by r.createdAt", AiRun.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    @Override
    public Optional<ReferenceDecision> decision(String caseId, AiStage stage) {
        return Optional.ofNullable(em.find(ReferenceDecision.class, new ReferenceDecision.Key(caseId, stage)));
    }

    @Override
    public void add(ReferenceDecision decision) {
        em.persist(decision);
    }

    @Override
    public List<ReferenceDecision> decisionsFor(AiStage stage, List<String> caseIds) {
        List<ReferenceDecision> found = new ArrayList<>();
        for (int i = 0; i < caseIds.size(); i += IN_CHUNK) {
            found.addAll(em.createQuery("select d from ReferenceDecision d where d.key.stage = :stage"
                            + " and d.key.caseId in :ids", ReferenceDecision.class)
                    .setParameter("stage", stage)
                    .setParameter("ids", caseIds.subList(i, Math.min(caseIds.size(), i + IN_CHUNK)))
                    .getResultList());
        }
        return found;
    }
}
