package org.teleris.consult.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.teleris.consult.domain.reporting.ConsultReport;
import org.teleris.consult.domain.reporting.ReportHistoryEntry;
import org.teleris.consult.domain.reporting.ReportRepository;
import org.teleris.consult.domain.reporting.ReportState;
import org.teleris.consult.domain.reporting.ReportVersion;

@ApplicationScoped
public class JpaReportRepository implements ReportRepository {

    @PersistenceContext(unitName = "consult")
    private EntityManager em;

    protected JpaReportRepository() {
    }

    JpaReportRepository(EntityManager em) {
        this.em = em;
    }

    /** Written at once: versions and history refer to it by id only. */
    @Override
    public void add(ConsultReport report) {
        em.persist(report);
        em.flush();
    }

    @Override
    public Optional<ConsultReport> find(String id) {
        return Optional.ofNullable(em.find(ConsultReport.class, id));
    }

    @Override
    public Optional<ConsultReport> findForUpdate(String id) {
        return Optional.ofNullable(em.find(ConsultReport.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<ConsultReport> findByCaseAndStudy(String caseId, String studyInstanceUid) {
        return em.createQuery("select r from ConsultReport r where r.caseId = :c and r.studyInstanceUid = :s",
                        ConsultReport.class)
                .setParameter("c", caseId).setParameter("s", studyInstanceUid).getResultStream().findFirst();
    }

    @Override
    public List<ConsultReport> open(int limit) {
        return em.createQuery("select r from ConsultReport r where r.state <> :delivered order by r.dueAt, r.id",
                ConsultReport.class).setParameter("delivered", ReportState.DELIVERED).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<ConsultReport> delivered(String organisationId, int limit) {
        TypedQuery<ConsultReport> q = organisationId == null
                ? em.createQuery("select r from ConsultReport r where r.state = :delivered"
                        + " order by r.deliveredAt desc, r.id", ConsultReport.class)
                : em.createQuery("select r from ConsultReport r where r.state = :delivered"
                        + " and r.organisationId = :o order by r.deliveredAt desc, r.id", ConsultReport.class)
                        .setParameter("o", organisationId);
        return q.setParameter("delivered", ReportState.DELIVERED).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ConsultReport> dueUnmarkedBefore(Instant now, int limit) {
        return em.createQuery("select r from ConsultReport r where r.state <> :delivered and r.dueAt < :now"
                        + " and r.breachedAt is null order by r.dueAt", ConsultReport.class)
                .setParameter("delivered", ReportState.DELIVERED).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long breachCount() {
        return em.createQuery("select count(r) from ConsultReport r where r.breachedAt is not null", Long.class)
                .getSingleResult();
    }

    @Override
    public List<ConsultReport> receivedBetween(Instant from, Instant to, int limit) {
        return em.createQuery("select r from ConsultReport r where r.receivedAt >= :from and r.receivedAt < :to"
                        + " order by r.receivedAt, r.id", ConsultReport.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ReportVersion> versionsActiveBetween(Instant from, Instant to, int limit) {
        return em.createQuery("select v from ReportVersion v where (v.signedAt >= :from and v.signedAt < :to)"
                        + " or (v.secondReadAt >= :from and v.secondReadAt < :to) order by v.signedAt, v.id",
                        ReportVersion.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit).getResultList();
    }

    @Override
    public void addVersion(ReportVersion version) {
        em.persist(version);
    }

    @Override
    public List<ReportVersion> versions(String reportId) {
        return em.createQuery("select v from ReportVersion v where v.reportId = :r order by v.number",
                ReportVersion.class).setParameter("r", reportId).getResultList();
    }

    @Override
    public void addHistory(ReportHistoryEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<ReportHistoryEntry> history(String reportId) {
        return em.createQuery("select h from ReportHistoryEntry h where h.reportId = :r order by h.happenedAt, h.id",
                ReportHistoryEntry.class).setParameter("r", reportId).getResultList();
    }
}
