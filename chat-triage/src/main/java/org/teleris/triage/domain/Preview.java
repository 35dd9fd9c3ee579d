package org.teleris.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An anonymised preview (key image, screen video or DICOM slice) as sanitised on upload: the
 * original bytes are never kept. Until it is attached to a case only its uploader sees it; then
 * whoever may see the case.
 */
@Entity
@Table(name = "case_preview")
public class Preview {

    @Id
    private String id;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(name = "uploaded_by_user_id", nullable = false)
    private String uploadedByUserId;

    @Column(name = "case_id")
    private String caseId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The anonymiser's report as JSON: what was removed or masked, never a removed value. */
    @Column(nullable = false, length = 1_000_000)
    private String report;

    protected Preview() {
    }

    public Preview(Participant uploader, String kind, String mediaType, long sizeBytes, String report, Instant now) {
        if (uploader.role() != Participant.Role.DOCTOR && uploader.role() != Participant.Role.CONSULTANT) {
            throw new NotPermittedException("only regional doctors and consultants upload images");
        }
        this.id = UUID.randomUUID().toString();
        this.organisationId = uploader.organisationId();
        this.uploadedByUserId = uploader.userId();
        this.kind = kind;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.report = report;
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The AI's heat map for a case, kept like a preview of that case. */
    public static Preview aiHeatMap(TriageCase triageCase, long sizeBytes, Instant now) {
        Preview preview = new Preview();
        preview.id = UUID.randomUUID().toString();
        preview.organisationId = triageCase.organisationId();
        preview.uploadedByUserId = "ai-prescreen";
        preview.caseId = triageCase.id();
        preview.kind = "AI_HEATMAP";
        preview.mediaType = "image/png";
        preview.sizeBytes = sizeBytes;
        preview.report = "{\"generatedBy\":\"AI prescreen\",\"label\":\"For Research Purposes Only\"}";
        preview.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        return preview;
    }

    /**
     * A preview goes with one case, once, attached by its uploader: a doctor only to a case of
     * their own organisation, a consultant (chat images) to any case they may write in. From then
     * on it belongs to the case's organisation, so exactly the case's readers see it.
     */
    public void attachTo(TriageCase triageCase, Participant attacher) {
        boolean foreignDoctor = attacher.role() == Participant.Role.DOCTOR
                && !organisationId.equals(triageCase.organisationId());
        if (caseId != null || !attacher.userId().equals(uploadedByUserId) || foreignDoctor) {
            throw new IllegalArgumentException("preview " + id + " cannot be attached to this case");
        }
        caseId = triageCase.id();
        organisationId = triageCase.organisationId();
    }

    public boolean isVisibleTo(Participant participant) {
        return caseId == null ? participant.userId().equals(uploadedByUserId) : participant.maySee(organisationId);
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String caseId() {
        return caseId;
    }

    public String kind() {
        return kind;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String report() {
        return report;
    }
}
