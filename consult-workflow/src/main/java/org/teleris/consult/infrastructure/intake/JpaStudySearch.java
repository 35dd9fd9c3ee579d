package org.teleris.consult.infrastructure.intake;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.teleris.consult.domain.intake.StudySearch;
import org.teleris.consult.domain.intake.StudySummary;
import org.teleris.consult.domain.intake.UploadSessionState;

/**
 * QIDO's study search as two grouped queries: the page of studies with their counts, then the modalities of that
 * page. Every key is a bound parameter; only the shape of the statement depends on which keys were given.
 */
final class JpaStudySearch {

    private final EntityManager em;

    JpaStudySearch(EntityManager em) {
        this.em = em;
    }

    List<StudySummary> page(StudySearch search, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select i.studyInstanceUid, min(i.patientPseudonym), min(i.studyDate),"
                + " count(distinct i.seriesInstanceUid), count(distinct i.sopInstanceUid)"
                + " from StoredInstance i");
        visibility(jpql, "i", search);
        if (!search.studyInstanceUids().isEmpty()) {
            jpql.append(" and i.studyInstanceUid in :uids");
        }
        if (search.patientPseudonym() != null) {
            jpql.append(" and i.patientPseudonym = :patient");
        }
        if (search.modality() != null) {
            jpql.append(" and i.studyInstanceUid in (select m.studyInstanceUid from StoredInstance m");
            visibility(jpql, "m", search);
            jpql.append(" and m.modality = :modality)");
        }
        jpql.append(" group by i.studyInstanceUid");
        List<String> having = new ArrayList<>();
        if (search.dateFrom() != null) {
            having.add("min(i.studyDate) >= :from");
        }
        if (search.dateTo() != null) {
            having.add("min(i.studyDate) <= :to");
        }
        if (!having.isEmpty()) {
            jpql.append(" having ").append(String.join(" and ", having));
        }
        jpql.append(" order by max(i.storedAt) desc, i.studyInstanceUid");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        bind(query, search);
        if (!search.studyInstanceUids().isEmpty()) {
            query.setParameter("uids", search.studyInstanceUids());
        }
        if (search.patientPseudonym() != null) {
            query.setParameter("patient", search.patientPseudonym());
        }
        if (search.modality() != null) {
            query.setParameter("modality", search.modality());
        }
        if (search.dateFrom() != null) {
            query.setParameter("from", search.dateFrom());
        }
        if (search.dateTo() != null) {
            query.setParameter("to", search.dateTo());
        }
        List<Object[]> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<String, Set<String>> modalities = modalities(search, rows.stream().map(r -> (String) r[0]).toList());
        return rows.stream().map(r -> new StudySummary((String) r[0], (String) r[1], (String) r[2],
                modalities.getOrDefault((String) r[0], Set.of()), ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue())).toList();
    }

    private Map<String, Set<String>> modalities(StudySearch search, List<String> studies) {
        Map<String, Set<String>> byStudy = new LinkedHashMap<>();
        if (studies.isEmpty()) {
            return byStudy;
        }
        StringBuilder jpql = new StringBuilder("select distinct i.studyInstanceUid, i.modality from StoredInstance i");
        visibility(jpql, "i", search);
        jpql.append(" and i.studyInstanceUid in :page and i.modality is not null");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("page", studies);
        bind(query, search);
        for (Object[] r : query.getResultList()) {
            byStudy.computeIfAbsent((String) r[0], s -> new TreeSet<>()).add((String) r[1]);
        }
        return byStudy;
    }

    /** Opens the where clause with who may see the instances of alias {@code a}. */
    private static void visibility(StringBuilder jpql, String a, StudySearch search) {
        if (search.completeUploadsOnly()) {
            jpql.append(", UploadSession s").append(a).append(" where s").append(a).append(".id = ").append(a)
                    .append(".uploadSessionId and s").append(a).append(".state = :complete");
        } else {
            jpql.append(" where ").append(a).append(".organisationId = :organisation");
        }
    }

    private static void bind(TypedQuery<Object[]> query, StudySearch search) {
        if (search.completeUploadsOnly()) {
            query.setParameter("complete", UploadSessionState.COMPLETE);
        } else {
            query.setParameter("organisation", search.organisationId());
        }
    }
}
