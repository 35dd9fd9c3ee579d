package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.teleris.triage.domain.DutyRosterRepository;
import org.teleris.triage.domain.DutyShift;

/** The administrator's roster of duty consultants. */
@ApplicationScoped
public class DutyRoster {

    @Inject
    DutyRosterRepository shifts;

    @Inject
    CurrentParticipant participants;

    @Inject
    Clock clock;

    /** A shift as the roster page shows it. */
    public record ShiftView(String id, String consultantUserId, String consultant, Instant startsAt, Instant endsAt,
                            boolean onDutyNow) {
    }

    @Transactional
    public ShiftView add(String consultantUserId, Instant startsAt, Instant endsAt) {
        DutyShift shift = new DutyShift(participants.byUserId(consultantUserId)
                .orElseThrow(() -> new IllegalArgumentException("there is no active user " + consultantUserId)),
                startsAt, endsAt);
        shifts.add(shift);
        return view(shift, clock.instant());
    }

    @Transactional
    public boolean remove(String shiftId) {
        return shifts.find(shiftId).map(shift -> {
            shifts.remove(shift);
            return true;
        }).orElse(false);
    }

    /** Current and future shifts. */
    @Transactional
    public List<ShiftView> upcoming() {
        Instant now = clock.instant();
        return shifts.endingAfter(now).stream().map(shift -> view(shift, now)).toList();
    }

    private static ShiftView view(DutyShift shift, Instant now) {
        return new ShiftView(shift.id(), shift.consultantUserId(), shift.consultantName(), shift.startsAt(),
                shift.endsAt(), shift.covers(now));
    }
}
