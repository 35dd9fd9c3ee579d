package org.teleris.triage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface DutyRosterRepository {

    void add(DutyShift shift);

    Optional<DutyShift> find(String id);

    void remove(DutyShift shift);

    /** Shifts that end after the moment, earliest first. */
    List<DutyShift> endingAfter(Instant moment);

    boolean onDuty(String consultantUserId, Instant moment);
}
