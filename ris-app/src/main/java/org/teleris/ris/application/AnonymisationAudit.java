package org.teleris.ris.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.teleris.anonymizer.application.StoredObjectVerifier;
import org.teleris.ris.domain.anonymisation.AnonymisationRecord;
import org.teleris.ris.domain.anonymisation.AnonymisationRecordRepository;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;

/**
 * The admin's anonymisation audit: every upload's record, searching, CSV export, a daily summary,
 * and re-verifying a stored object now with the anonymiser's verifier.
 */
@ApplicationScoped
public class AnonymisationAudit {

    public static final int MAX_ROWS = 5000;

    /** One day of uploads. */
    public record Day(LocalDate day, int uploads, int rejected, Map<String, Integer> reasons,
                      Map<String, Integer> rejectedByOrganisation) {
    }

    /**
     * One full-study upload (an upload session), for drilling down to its instances: who sent it by
     * which paths, when, how many instances and bytes, and how they fared.
     */
    public record Upload(String uploadRef, String caseId, String organisationId, Set<String> senders,
                         Set<String> channels, Instant firstAt, Instant lastAt, long instances, long sizeBytes,
                         Map<String, Long> outcomes) {
    }

    /** The result of a re-verification. */
    public record Reverification(String recordId, boolean passed, String method, List<String> findings, Instant at) {
    }

    @Inject
    AnonymisationRecordRepository records;

    @Inject
    StoredObjects stored;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    private final StoredObjectVerifier verifier = new StoredObjectVerifier();

    @Transactional
    public void record(AnonymisationRecord record) {
        records.add(record);
    }

    @Transactional
    public List<AnonymisationRecord> search(SessionUser admin, AnonymisationRecordRepository.Filter filter, int limit) {
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.ANONYMISATION_AUDIT_QUERIED,
                "anonymisation-record", null, AuditOutcome.SUCCESS));
        return records.search(filter, Math.min(limit, MAX_ROWS));
    }

    /** Full-study uploads of the filter's organisation and period, the latest activity first. */
    @Transactional
    public List<Upload> uploads(SessionUser admin, AnonymisationRecordRepository.Filter filter, int limit) {
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.ANONYMISATION_AUDIT_QUERIED,
                "anonymisation-upload", filter.uploadRef(), AuditOutcome.SUCCESS));
        Map<String, List<AnonymisationRecordRepository.UploadPart>> byUpload = records.uploadParts(filter).stream()
                .collect(Collectors.groupingBy(AnonymisationRecordRepository.UploadPart::uploadRef));
        return byUpload.values().stream().map(AnonymisationAudit::upload)
                .sorted(Comparator.comparing(Upload::lastAt).reversed()).limit(limit).toList();
    }

    private static Upload upload(List<AnonymisationRecordRepository.UploadPart> parts) {
        var first = parts.get(0);
        return new Upload(first.uploadRef(), first.caseId(), first.organisationId(),
                parts.stream().map(AnonymisationRecordRepository.UploadPart::actor).collect(Collectors.toCollection(TreeSet::new)),
                parts.stream().map(AnonymisationRecordRepository.UploadPart::channel).collect(Collectors.toCollection(TreeSet::new)),
                parts.stream().map(AnonymisationRecordRepository.UploadPart::firstAt).min(Comparator.naturalOrder()).orElseThrow(),
                parts.stream().map(AnonymisationRecordRepository.UploadPart::lastAt).max(Comparator.naturalOrder()).orElseThrow(),
                parts.stream().mapToLong(AnonymisationRecordRepository.UploadPart::instances).sum(),
                parts.stream().mapToLong(AnonymisationRecordRepository.UploadPart::sizeBytes).sum(),
                parts.stream().collect(Collectors.groupingBy(AnonymisationRecordRepository.UploadPart::outcome, TreeMap::new,
                        Collectors.summingLong(AnonymisationRecordRepository.UploadPart::instances))));
    }

    @Transactional
    public AnonymisationRecord find(String id) {
        return records.find(id).orElseThrow(() -> new RecordNotFoundException(id));
    }

    @Transactional
    public String csv(SessionUser admin, AnonymisationRecordRepository.Filter filter) {
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.ANONYMISATION_AUDIT_EXPORTED,
                "anonymisation-record", null, AuditOutcome.SUCCESS));
        StringBuilder csv = new StringBuilder("received_at,object_kind,channel,organisation_id,actor,media_kind,size_bytes,"
                + "outcome,reason_code,reason,object_ref,case_id,verified_passed\r\n");
        for (AnonymisationRecord r : records.search(filter, MAX_ROWS)) {
            csv.append(String.join(",", List.of(r.receivedAt().toString(), r.objectKind().name(), r.channel(),
                    r.organisationId(), cell(r.actor()), cell(r.mediaKind()), String.valueOf(r.sizeBytes()), r.outcome(),
                    cell(r.reasonCode()), cell(r.reason()), cell(r.objectRef()), cell(r.caseId()),
                    r.verifiedPassed() == null ? "" : r.verifiedPassed().toString()))).append("\r\n");
        }
        return csv.toString();
    }

    @Transactional
    public List<Day> daily(AnonymisationRecordRepository.Filter filter) {
        Map<LocalDate, List<AnonymisationRecord>> byDay = records.search(filter, MAX_ROWS).stream()
                .collect(Collectors.groupingBy(r -> LocalDate.ofInstant(r.receivedAt(), ZoneOffset.UTC), TreeMap::new,
                        Collectors.toList()));
        return byDay.entrySet().stream().map(e -> {
            List<AnonymisationRecord> rejected = e.getValue().stream().filter(r -> "REJECTED".equals(r.outcome())).toList();
            return new Day(e.getKey(), e.getValue().size(), rejected.size(),
                    rejected.stream().collect(Collectors.groupingBy(r -> r.reasonCode() == null ? "?" : r.reasonCode(),
                            TreeMap::new, Collectors.summingInt(r -> 1))),
                    rejected.stream().collect(Collectors.groupingBy(AnonymisationRecord::organisationId, TreeMap::new,
                            Collectors.summingInt(r -> 1))));
        }).toList();
    }

    @Transactional
    public Reverification reverify(SessionUser admin, String id) {
        AnonymisationRecord r = find(id);
        if (!r.isStored()) {
            throw new IllegalArgumentException("this upload was not stored; there is nothing to re-verify");
        }
        StoredObjects.Stored object = r.objectKind() == AnonymisationRecord.ObjectKind.PREVIEW
                ? stored.preview(r.objectRef()) : stored.studyInstance(r.objectRef());
        StoredObjectVerifier.Result result;
        try {
            result = verifier.verify(object.bytes(), object.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        r.verified(admin.username(), result.passed(), result.method() + ": "
                + (result.findings().isEmpty() ? "no findings" : String.join("; ", result.findings())), now);
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.OBJECT_REVERIFIED,
                "anonymisation-record", id, result.passed() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE));
        return new Reverification(id, result.passed(), result.method(), result.findings(), now);
    }

    /** CSV cells: quoted when needed; a leading formula character is neutralised (spreadsheet injection). */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
