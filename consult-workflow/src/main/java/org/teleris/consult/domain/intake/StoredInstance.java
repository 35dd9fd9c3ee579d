package org.teleris.consult.domain.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One de-identified instance in the study index. Its bytes are a file under the data directory
 * ({@code storagePath}, relative), written before this row; a row never points at a missing file.
 */
@Entity
@Table(name = "stored_instance")
@IdClass(StoredInstance.Key.class)
public class StoredInstance {

    /**
     * An instance is indexed once per upload session: the same study sent again for a later case
     * of the clinic belongs to that case too (both rows name the same content-addressed file).
     */
    public static class Key implements Serializable {
        private String sopInstanceUid;
        private String uploadSessionId;

        public Key() {
        }

        public Key(String sopInstanceUid, String uploadSessionId) {
            this.sopInstanceUid = sopInstanceUid;
            this.uploadSessionId = uploadSessionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sopInstanceUid.equals(k.sopInstanceUid) && uploadSessionId.equals(k.uploadSessionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sopInstanceUid, uploadSessionId);
        }
    }

    @Id
    @Column(name = "sop_instance_uid")
    private String sopInstanceUid;

    @Id
    @Column(name = "upload_session_id", nullable = false)
    private String uploadSessionId;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "study_instance_uid", nullable = false)
    private String studyInstanceUid;

    @Column(name = "series_instance_uid", nullable = false)
    private String seriesInstanceUid;

    @Column(name = "sop_class_uid", nullable = false)
    private String sopClassUid;

    @Column(name = "transfer_syntax_uid", nullable = false)
    private String transferSyntaxUid;

    @Column(name = "patient_pseudonym")
    private String patientPseudonym;

    private String modality;

    @Column(name = "series_number")
    private Integer seriesNumber;

    @Column(name = "instance_number")
    private Integer instanceNumber;

    @Column(name = "series_description")
    private String seriesDescription;

    @Column(name = "study_date")
    private String studyDate;

    @Column(name = "frame_count", nullable = false)
    private int frameCount;

    @Column(name = "content_sha256", nullable = false)
    private String contentSha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "storage_path", nullable = false)
    private String storagePath;

    @Column(name = "received_via", nullable = false)
    private String receivedVia;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    protected StoredInstance() {
    }

    public StoredInstance(UploadSession session, InstanceHeader header, String contentSha256, long sizeBytes,
                          String storagePath, String receivedVia, Instant now) {
        this.sopInstanceUid = header.sopInstanceUid();
        this.uploadSessionId = session.id();
        this.organisationId = session.organisationId();
        this.caseId = session.caseId();
        this.studyInstanceUid = header.studyInstanceUid();
        this.seriesInstanceUid = header.seriesInstanceUid();
        this.sopClassUid = header.sopClassUid();
        this.transferSyntaxUid = header.transferSyntaxUid();
        this.patientPseudonym = header.patientPseudonym();
        this.modality = header.modality();
        this.seriesNumber = header.seriesNumber();
        this.instanceNumber = header.instanceNumber();
        this.seriesDescription = header.seriesDescription();
        this.studyDate = header.studyDate();
        this.frameCount = Math.max(1, header.frameCount());
        this.contentSha256 = contentSha256;
        this.sizeBytes = sizeBytes;
        this.storagePath = storagePath;
        this.receivedVia = receivedVia;
        this.storedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean sameContentAs(String sha256) {
        return contentSha256.equals(sha256);
    }

    public String sopInstanceUid() { return sopInstanceUid; }
    public String uploadSessionId() { return uploadSessionId; }
    public String organisationId() { return organisationId; }
    public String caseId() { return caseId; }
    public String studyInstanceUid() { return studyInstanceUid; }
    public String seriesInstanceUid() { return seriesInstanceUid; }
    public String sopClassUid() { return sopClassUid; }
    public String transferSyntaxUid() { return transferSyntaxUid; }
    public String patientPseudonym() { return patientPseudonym; }
    public String modality() { return modality; }
    public Integer seriesNumber() { return seriesNumber; }
    public Integer instanceNumber() { return instanceNumber; }
    public String seriesDescription() { return seriesDescription; }
    public String studyDate() { return studyDate; }
    public int frameCount() { return frameCount; }
    public String contentSha256() { return contentSha256; }
    public long sizeBytes() { return sizeBytes; }
    public String storagePath() { return storagePath; }
    public String receivedVia() { return receivedVia; }
    public Instant storedAt() { return storedAt; }
}
