package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.teleris.triage.domain.Preview;
import org.teleris.triage.domain.PreviewRepository;

@ApplicationScoped
public class JpaPreviewRepository implements PreviewRepository {

    @PersistenceContext(unitName = "triage")
    private EntityManager em;

    protected JpaPreviewRepository() {
    }

    JpaPreviewRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Preview preview) {
        em.persist(preview);
    }

    @Override
    public Optional<Preview> find(String id) {
        return Optional.ofNullable(em.find(Preview.class, id));
    }

    @Override
    public List<Preview> ofCase(String caseId) {
        return em.createQuery("select p from Preview p where p.caseId = :caseId order by p.createdAt, p.id",
                Preview.class).setParameter("caseId", caseId).getResultList();
    }
}
