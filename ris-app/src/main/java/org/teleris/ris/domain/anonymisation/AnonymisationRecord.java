package org.teleris.ris.domain.anonymisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What arrived, from whom, what the anonymiser did, and what a re-verification found. */
@Entity
@Table(name = "anonymisation_record")
public class AnonymisationRecord {

    /** Preview or chat image (stage I), or an instance of a full study (stage II). */
    public enum ObjectKind { PREVIEW, STUDY_INSTANCE }

    @Id
    private String id;

    @Column(name = "object_kind", nullable = false)
    private String objectKind;

    @Column(nullable = false)
    private String channel;

    /** The preview id, or the de-identified SOP Instance UID. */
    @Column(name = "object_ref")
    private String objectRef;

    /** The upload session of a study instance. */
    @Column(name = "upload_ref")
    private String uploadRef;

    @Column(name = "case_id")
    private String caseId;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(nullable = false)
    private String actor;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "media_kind")
    private String mediaKind;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    /** ACCEPTED, DUPLICATE, CONFLICT or REJECTED. */
    @Column(nullable = false)
    private String outcome;

    @Column(name = "reason_code")
    private String reasonCode;

    @Column(length = 500)
    private String reason;

    @Column(length = 1_000_000)
    private String report;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "verified_by")
    private String verifiedBy;

    @Column(name = "verified_passed")
    private Boolean verifiedPassed;

    @Column(name = "verified_summary", length = 4000)
    private String verifiedSummary;

    protected AnonymisationRecord() {
    }

    public AnonymisationRecord(ObjectKind kind, String channel, String objectRef, String uploadRef, String caseId,
                               String organisationId, String actor, Instant at, String mediaKind, long sizeBytes,
                               String outcome, String reasonCode, String reason, String report) {
        this.id = UUID.randomUUID().toString();
        this.objectKind = kind.name();
        this.channel = channel;
        this.objectRef = objectRef;
        this.uploadRef = uploadRef;
        this.caseId = caseId;
        this.organisationId = organisationId;
        this.actor = actor;
        this.receivedAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.mediaKind = mediaKind;
        this.sizeBytes = Math.max(0, sizeBytes);
        this.outcome = outcome;
        this.reasonCode = reasonCode;
        this.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        this.report = report;
    }

    public boolean isStored() {
        return objectRef != null && ("ACCEPTED".equals(outcome) || "DUPLICATE".equals(outcome));
    }

    public void verified(String by, boolean passed, String summary, Instant at) {
        verifiedBy = by;
        verifiedPassed = passed;
        verifiedSummary = summary.length() <= 4000 ? summary : summary.substring(0, 4000);
        verifiedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() { return id; }
    public ObjectKind objectKind() { return ObjectKind.valueOf(objectKind); }
    public String channel() { return channel; }
    public String objectRef() { return objectRef; }
    public String uploadRef() { return uploadRef; }
    public String caseId() { return caseId; }
    public String organisationId() { return organisationId; }
    public String actor() { return actor; }
    public Instant receivedAt() { return receivedAt; }
    public String mediaKind() { return mediaKind; }
    public long sizeBytes() { return sizeBytes; }
    public String outcome() { return outcome; }
    public String reasonCode() { return reasonCode; }
    public String reason() { return reason; }
    public String report() { return report; }
    public Instant verifiedAt() { return verifiedAt; }
    public String verifiedBy() { return verifiedBy; }
    public Boolean verifiedPassed() { return verifiedPassed; }
    public String verifiedSummary() { return verifiedSummary; }
}
