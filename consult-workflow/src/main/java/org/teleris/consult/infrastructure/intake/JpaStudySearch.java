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
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("select i.studyInstanceUid, min(i.patientPseudonym), min(i.studyDate),"
                + " count(distinct i.seriesInstanceUid), count(distinct i.sopInstanceUid)"
                + " from StoredInstance i");
        visibility(jpql, "i", search, parameters);
        if (!search.studyInstanceUids().isEmpty()) {
            jpql.append(" and i.studyInstanceUid in :uids");
            parameters.put("uids", search.studyInstanceUids());
        }
        if (search.patientPseudonym() != null) {
            jpql.append(" and i.patientPseudonym = :patient");
            parameters.put("patient", search.patientPseudonym());
        }
        if (search.modality() != null) {
            jpql.append(" and i.studyInstanceUid in (select m.studyInstanceUid from StoredInstance m");
            visibility(jpql, "m", search, parameters);
            jpql.append(" and m.modality = :modality)");
            parameters.put("modality", search.modality());
        }
        jpql.append(" group by i.studyInstanceUid");
        List<String> having = new ArrayList<>();
        if (search.dateFrom() != null) {
            having.add("min(i.studyDate) >= :from");
            parameters.put("from", search.dateFrom());
        }
        if (search.dateTo() != null) {
            having.add("min(i.studyDate) <= :to");
            parameters.put("to", search.dateTo());
        }
        if (!having.isEmpty()) {
            jpql.append(" having ").append(String.join(" and ", having));
        }
        jpql.append(" order by max(i.storedAt) desc, i.studyInstanceUid");
        List<Object[]> rows = query(jpql, parameters).setFirstResult(offset).setMaxResults(limit).getResultList();
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
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("select distinct i.studyInstanceUid, i.modality from StoredInstance i");
        visibility(jpql, "i", search, parameters);
        jpql.append(" and i.studyInstanceUid in :page and i.modality is not null");
        parameters.put("page", studies);
        for (Object[] r : query(jpql, parameters).getResultList()) {
            byStudy.computeIfAbsent((String) r[0], s -> new TreeSet<>()).add((String) r[1]);
        }
        return byStudy;
    }

    /** Opens the where clause with who may see the instances of alias {@code a}, and names its parameter. */
    private static void visibility(StringBuilder jpql, String a, StudySearch search, Map<String, Object> parameters) {
        if (search.completeUploadsOnly()) {
            jpql.append(", UploadSession s").append(a).append(" where s").append(a).append(".id = ").append(a)
                    .append(".uploadSessionId and s").append(a).append(".state = :complete");
            parameters.put("complete", UploadSessionState.COMPLETE);
        } else {
            jpql.append(" where ").append(a).append(".organisationId = :organisation");
            parameters.put("organisation", search.organisationId());
        }
    }

    private TypedQuery<Object[]> query(StringBuilder jpql, Map<String, Object> parameters) {
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        parameters.forEach(query::setParameter);
        return query;
    }
}
