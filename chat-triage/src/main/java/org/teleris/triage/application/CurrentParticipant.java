package org.teleris.triage.application;

import java.util.Optional;
import org.teleris.triage.domain.Participant;

/** Port: the host application says who is calling. */
public interface CurrentParticipant {

    /** The signed-in participant of the current HTTP request. */
    Optional<Participant> current();

    /** A participant by username, for connections authenticated by the container (WebSocket). */
    Optional<Participant> byUsername(String username);

    /** An enabled participant by user id, e.g. the consultant a case is handed to. */
    Optional<Participant> byUserId(String userId);
}
