package org.teleris.ris.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.teleris.ris.domain.identity.UserAccount;
import org.teleris.ris.domain.identity.UserAccountRepository;

@ApplicationScoped
public class JpaUserAccountRepository implements UserAccountRepository {

    @PersistenceContext(unitName = "ris")
    private EntityManager em;

    protected JpaUserAccountRepository() {
    }

    JpaUserAccountRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(UserAccount account) {
        em.persist(account);
    }

    @Override
    public Optional<UserAccount> find(String id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    @Override
    public Optional<UserAccount> findByUsername(String normalisedUsername) {
        return em.createQuery("select u from UserAccount u where u.username = :username", UserAccount.class)
                .setParameter("username", normalisedUsername).getResultStream().findFirst();
    }

    @Override
    public List<UserAccount> all() {
        return em.createQuery("select u from UserAccount u order by u.organisation.name, u.username",
                UserAccount.class).getResultList();
    }
}
