package org.teleris.consult.domain.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where a case's full study arrives, by any path. Counts what came in; becomes visible to experts
 * only when completed, and takes nothing more after that.
 */
@Entity
@Table(name = "upload_session")
public class UploadSession {

    @Id
    private String id;

    @Column(name = "case_id", nullable = false, unique = true)
    private String caseId;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UploadSessionState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_received_at")
    private Instant lastReceivedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completed_by")
    private String completedBy;

    @Column(name = "stored_count", nullable = false)
    private int storedCount;

    @Column(name = "duplicate_count", nullable = false)
    private int duplicateCount;

    @Column(name = "conflict_count", nullable = false)
    private int conflictCount;

    @Column(name = "rejected_count", nullable = false)
    private int rejectedCount;

    @Column(name = "stored_bytes", nullable = false)
    private long storedBytes;

    /** The paths that fed the session, comma-separated (BROWSER, CLI, STOW_RS, C_STORE). */
    @Column(nullable = false)
    private String channels = "";

    @Version
    private long version;

    protected UploadSession() {
    }

    public UploadSession(String caseId, String organisationId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.organisationId = Objects.requireNonNull(organisationId, "organisationId");
        this.state = UploadSessionState.OPEN;
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean acceptsInstances() {
        return state != UploadSessionState.COMPLETE;
    }

    /** Counts one received instance by its outcome ({@code STORED}, {@code DUPLICATE}, {@code CONFLICT}, {@code REJECTED}). */
    public void received(String outcome, long storedSize, String channel, Instant now) {
        switch (outcome) {
            case "STORED" -> {
                storedCount++;
                storedBytes += storedSize;
            }
            case "DUPLICATE" -> duplicateCount++;
            case "CONFLICT" -> conflictCount++;
            case "REJECTED" -> rejectedCount++;
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        }
        if (state == UploadSessionState.OPEN && !"REJECTED".equals(outcome)) {
            state = UploadSessionState.RECEIVING;
        }
        TreeSet<String> all = Arrays.stream(channels.split(",")).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        all.add(channel);
        channels = String.join(",", all);
        lastReceivedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Whether one more instance stored through {@code channel} changes nothing but the counters and
     * the time of the last one: the session is already receiving (an open one starts receiving, a
     * complete one takes nothing) and already lists the channel. The repository then counts it in
     * one UPDATE ({@link IntakeRepository#countStoredInPlace}) instead of a locked read and a write.
     */
    public boolean storingChangesOnlyCounters(String channel) {
        return state == UploadSessionState.RECEIVING && Arrays.asList(channels.split(",")).contains(channel);
    }

    /** The study goes to the experts: needs at least one stored instance; done once. */
    public void complete(String by, Instant now) {
        if (state == UploadSessionState.COMPLETE) {
            throw new UploadNotCompletableException("The upload is already complete.");
        }
        if (storedCount == 0) {
            throw new UploadNotCompletableException("Nothing has been stored yet: upload the study first.");
        }
        state = UploadSessionState.COMPLETE;
        completedBy = by;
        completedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Fed only by DICOM associations, quiet for the given time: completes by itself. */
    public boolean isQuietCStoreSession(Instant now, java.time.Duration quietPeriod) {
        return state == UploadSessionState.RECEIVING && "C_STORE".equals(channels) && lastReceivedAt != null
                && !lastReceivedAt.plus(quietPeriod).isAfter(now);
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String organisationId() {
        return organisationId;
    }

    public UploadSessionState state() {
        return state;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastReceivedAt() {
        return lastReceivedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String completedBy() {
        return completedBy;
    }

    public int storedCount() {
        return storedCount;
    }

    public int duplicateCount() {
        return duplicateCount;
    }

    public int conflictCount() {
        return conflictCount;
    }

    public int rejectedCount() {
        return rejectedCount;
    }

    public long storedBytes() {
        return storedBytes;
    }

    public String channels() {
        return channels;
    }
}
