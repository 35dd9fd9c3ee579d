package org.teleris.ris.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.teleris.ris.domain.identity.Organisation;
import org.teleris.ris.domain.identity.OrganisationRepository;

@ApplicationScoped
public class JpaOrganisationRepository implements OrganisationRepository {

    @PersistenceContext(unitName = "ris")
    private EntityManager em;

    protected JpaOrganisationRepository() {
    }

    JpaOrganisationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Organisation organisation) {
        em.persist(organisation);
    }

    @Override
    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(em.find(Organisation.class, id));
    }

    @Override
    public Optional<Organisation> findByName(String name) {
        return em.createQuery("select o from Organisation o where o.name = :name", Organisation.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public List<Organisation> all() {
        return em.createQuery("select o from Organisation o order by o.kind, o.name", Organisation.class)
                .getResultList();
    }

    @Override
    public Optional<Organisation> findByAeTitle(String aeTitle) {
        return em.createQuery("select o from Organisation o join o.aeTitles t where t = :title", Organisation.class)
                .setParameter("title", aeTitle).getResultStream().findFirst();
    }
}
