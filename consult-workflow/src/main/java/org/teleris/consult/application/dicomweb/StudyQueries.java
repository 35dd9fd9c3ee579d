package org.teleris.consult.application.dicomweb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.intake.StudyStorage;
import org.teleris.consult.domain.intake.IntakeRepository;
import org.teleris.consult.domain.intake.StoredInstance;
import org.teleris.consult.domain.intake.StudySearch;
import org.teleris.consult.domain.intake.StudySummary;
import org.teleris.consult.domain.intake.UploadSession;
import org.teleris.consult.domain.intake.UploadSessionState;

/**
 * QIDO-RS matching over the study index, and the files WADO-RS serves. What a caller may see:
 * a doctor, their organisation's studies (also while receiving); everyone else of the reference
 * centre, studies whose upload is complete. Anything else does not exist for them (404).
 */
@ApplicationScoped
public class StudyQueries {

    /** A series as QIDO answers it. */
    public record SeriesMatch(String seriesInstanceUid, String modality, Integer seriesNumber, String description,
                              int instanceCount) {
    }

    /**
     * Matching keys of a study query; null (or no UIDs) means "any". UIDs: any of them (UID list matching). The study
     * date lies between {@code dateFrom} and {@code dateTo} (YYYYMMDD, inclusive, either end open when null).
     */
    public record StudyFilter(Set<String> studyInstanceUids, String patientId, String modality, String dateFrom,
                              String dateTo) {
        public StudyFilter {
            studyInstanceUids = studyInstanceUids == null ? Set.of() : Set.copyOf(studyInstanceUids);
        }
    }

    @Inject
    IntakeRepository repository;

    @Inject
    StudyStorage storage;

    @Inject
    StudyReads reads;

    @Inject
    jakarta.enterprise.event.Event<org.teleris.consult.domain.intake.StudiesSearched> searched;

    /** One page of the studies the caller may see that match the filter, most recently stored first. */
    @Transactional
    public List<StudySummary> studies(ConsultUser caller, StudyFilter filter, int offset, int limit) {
        StudySearch search = new StudySearch(caller.role() == ConsultUser.Role.DOCTOR ? caller.organisationId() : null,
                filter.studyInstanceUids(), filter.patientId(), filter.modality(), filter.dateFrom(), filter.dateTo());
        List<StudySummary> page = repository.searchStudies(search, Math.max(0, offset), Math.max(0, limit));
        // One audit record per UID searched for (a record names one study), one for a search naming none.
        for (String uid : filter.studyInstanceUids().isEmpty() ? java.util.Collections.<String>singleton(null)
                : filter.studyInstanceUids()) {
            searched.fire(new org.teleris.consult.domain.intake.StudiesSearched(caller.username(), caller.organisationId(),
                    uid, page.size()));
        }
        return page;
    }

    @Transactional
    public List<SeriesMatch> series(ConsultUser caller, String studyInstanceUid) {
        Map<String, List<StoredInstance>> bySeries = study(caller, studyInstanceUid).stream()
                .collect(Collectors.groupingBy(StoredInstance::seriesInstanceUid, LinkedHashMap::new, Collectors.toList()));
        return bySeries.values().stream().map(l -> new SeriesMatch(l.get(0).seriesInstanceUid(), l.get(0).modality(),
                        l.get(0).seriesNumber(), l.get(0).seriesDescription(), l.size()))
                .sorted(Comparator.comparing(SeriesMatch::seriesNumber, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    @Transactional
    public List<StoredInstance> instances(ConsultUser caller, String studyInstanceUid, String seriesInstanceUid) {
        List<StoredInstance> found = study(caller, studyInstanceUid).stream()
                .filter(i -> seriesInstanceUid == null || i.seriesInstanceUid().equals(seriesInstanceUid))
                .sorted(Comparator.comparing(StoredInstance::instanceNumber, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (found.isEmpty()) {
            throw new StudyNotFoundException(seriesInstanceUid);
        }
        return found;
    }

    /**
     * One instance by its SOP Instance UID (the stored instance's key), if it belongs to that
     * study and series and its upload session is visible to the caller: a frame request does not
     * list the whole study.
     */
    @Transactional
    public StoredInstance instance(ConsultUser caller, String study, String series, String sop) {
        StoredInstance found = repository.copiesOf(sop).stream()
                .filter(i -> i.studyInstanceUid().equals(study) && i.seriesInstanceUid().equals(series))
                .filter(i -> visible(caller, i.uploadSessionId()))
                .findFirst().orElseThrow(() -> new StudyNotFoundException(sop));
        reads.reading(caller, study, found.organisationId());
        return found;
    }

    /** The stored file of an instance for the admin's re-verification (the admin audits every tenant). */
    @Transactional
    public Path fileForAudit(String sopInstanceUid) {
        return repository.instance(sopInstanceUid).map(this::fileOf)
                .orElseThrow(() -> new StudyNotFoundException(sopInstanceUid));
    }

    public Path fileOf(StoredInstance instance) {
        return storage.resolve(instance.storagePath());
    }

    /**
     * The instances of a study the caller may see, each judged by its own upload session: one
     * study UID can be fed by several sessions (the same study sent again for a later case of the
     * clinic adds its new instances to the same de-identified study), and a session still
     * receiving must not show through a complete one.
     */
    private List<StoredInstance> study(ConsultUser caller, String studyInstanceUid) {
        Map<String, Boolean> sessions = new java.util.HashMap<>();
        List<StoredInstance> list = oncePerInstance(repository.instancesOfStudy(studyInstanceUid).stream()
                .filter(i -> sessions.computeIfAbsent(i.uploadSessionId(), id -> visible(caller, id)))
                .toList());
        if (list.isEmpty()) {
            throw new StudyNotFoundException(studyInstanceUid);
        }
        reads.reading(caller, studyInstanceUid, list.get(0).organisationId());
        return list;
    }

    private boolean visible(ConsultUser caller, String sessionId) {
        UploadSession s = repository.session(sessionId).orElse(null);
        return s != null && (caller.role() == ConsultUser.Role.DOCTOR ? caller.organisationId().equals(s.organisationId())
                : s.state() == UploadSessionState.COMPLETE);
    }

    /** A study sent for two cases is indexed once per case; a reader sees each instance once. */
    private static List<StoredInstance> oncePerInstance(List<StoredInstance> rows) {
        Set<String> seen = new java.util.HashSet<>();
        return rows.stream().filter(i -> seen.add(i.sopInstanceUid())).toList();
    }
}
