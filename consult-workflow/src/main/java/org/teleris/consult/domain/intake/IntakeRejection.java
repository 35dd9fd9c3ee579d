package org.teleris.consult.domain.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A refused or conflicting instance of a session, with the reason the sender saw; never content. */
@Entity
@Table(name = "intake_rejection")
public class IntakeRejection {

    static final int MAX_REASON = 500;

    @Id
    private String id;

    @Column(name = "upload_session_id", nullable = false)
    private String uploadSessionId;

    @Column(nullable = false)
    private String status;

    @Column(name = "reason_code", nullable = false)
    private String reasonCode;

    @Column(nullable = false, length = MAX_REASON)
    private String reason;

    @Column(name = "sop_instance_uid")
    private String sopInstanceUid;

    @Column(name = "received_via", nullable = false)
    private String receivedVia;

    @Column(name = "rejected_at", nullable = false)
    private Instant at;

    protected IntakeRejection() {
    }

    public IntakeRejection(String uploadSessionId, String status, String reasonCode, String reason,
                           String sopInstanceUid, String receivedVia, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.uploadSessionId = uploadSessionId;
        this.status = status;
        this.reasonCode = reasonCode;
        this.reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        this.sopInstanceUid = sopInstanceUid;
        this.receivedVia = receivedVia;
        this.at = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public String status() { return status; }
    public String reasonCode() { return reasonCode; }
    public String reason() { return reason; }
    public String sopInstanceUid() { return sopInstanceUid; }
    public String receivedVia() { return receivedVia; }
    public Instant at() { return at; }
}
