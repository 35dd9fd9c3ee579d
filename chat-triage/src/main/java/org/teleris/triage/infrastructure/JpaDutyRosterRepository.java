package org.teleris.triage.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.teleris.triage.domain.DutyRosterRepository;
import org.teleris.triage.domain.DutyShift;

@ApplicationScoped
public class JpaDutyRosterRepository implements DutyRosterRepository {

    @PersistenceContext(unitName = "triage")
    private EntityManager em;

    protected JpaDutyRosterRepository() {
    }

    JpaDutyRosterRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(DutyShift shift) {
        em.persist(shift);
    }

    @Override
    public Optional<DutyShift> find(String id) {
        return Optional.ofNullable(em.find(DutyShift.class, id));
    }

    @Override
    public void remove(DutyShift shift) {
        em.remove(shift);
    }

    @Override
    public List<DutyShift> endingAfter(Instant moment) {
        return em.createQuery("select s from DutyShift s where s.endsAt > :moment order by s.startsAt, s.id",
                DutyShift.class).setParameter("moment", moment).getResultList();
    }

    @Override
    public boolean onDuty(String consultantUserId, Instant moment) {
        return !em.createQuery("select s.id from DutyShift s where s.consultantUserId = :consultant"
                        + " and s.startsAt <= :moment and s.endsAt > :moment", String.class)
                .setParameter("consultant", consultantUserId).setParameter("moment", moment)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
