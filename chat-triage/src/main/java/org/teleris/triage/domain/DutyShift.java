package org.teleris.triage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A consultant's turn on duty in the triage channel: only consultants on duty claim cases. */
@Entity
@Table(name = "duty_shift")
public class DutyShift {

    /** Longer shifts are typing mistakes (a year instead of a day), not rosters. */
    public static final Duration LONGEST_SHIFT = Duration.ofDays(31);

    @Id
    private String id;

    @Column(name = "consultant_user_id", nullable = false)
    private String consultantUserId;

    @Column(name = "consultant_name", nullable = false)
    private String consultantName;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    protected DutyShift() {
    }

    public DutyShift(Participant consultant, Instant startsAt, Instant endsAt) {
        if (consultant.role() != Participant.Role.CONSULTANT) {
            throw new IllegalArgumentException(consultant.displayName() + " is not a duty consultant");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a shift must end after it starts");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST_SHIFT) > 0) {
            throw new IllegalArgumentException("a shift lasts at most " + LONGEST_SHIFT.toDays() + " days");
        }
        this.id = UUID.randomUUID().toString();
        this.consultantUserId = consultant.userId();
        this.consultantName = consultant.displayName();
        this.startsAt = startsAt.truncatedTo(ChronoUnit.SECONDS);
        this.endsAt = endsAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean covers(Instant moment) {
        return !moment.isBefore(startsAt) && moment.isBefore(endsAt);
    }

    public String id() {
        return id;
    }

    public String consultantUserId() {
        return consultantUserId;
    }

    public String consultantName() {
        return consultantName;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }
}
