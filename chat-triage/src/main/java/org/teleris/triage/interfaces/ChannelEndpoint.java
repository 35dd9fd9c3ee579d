package org.teleris.triage.interfaces;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.security.Principal;
import java.util.Optional;
import org.teleris.triage.application.ChannelCatchUp;
import org.teleris.triage.application.CurrentParticipant;
import org.teleris.triage.domain.Participant;
import org.teleris.triage.infrastructure.ChannelMessages;
import org.teleris.triage.infrastructure.LocalSocketFanOut;
import org.teleris.triage.infrastructure.TyrusIdleTimer;

/**
 * The live triage channel. The handshake is authenticated by the session cookie (see
 * {@link ChannelHandshakeFilter}); each socket receives only the events its participant may see.
 * A client that reconnects sends {"type":"resume","after":N} and receives what it missed.
 */
@ServerEndpoint("/ws/channel")
public class ChannelEndpoint {

    private static final String PARTICIPANT = "participant";

    @Inject
    CurrentParticipant participants;

    @Inject
    LocalSocketFanOut fanOut;

    @Inject
    ChannelCatchUp catchUp;

    @OnOpen
    public void open(Session session) throws IOException {
        TyrusIdleTimer.adopt(session);
        Principal principal = session.getUserPrincipal();
        Optional<Participant> participant = principal == null ? Optional.empty()
                : participants.byUsername(principal.getName());
        if (participant.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
            return;
        }
        session.getUserProperties().put(PARTICIPANT, participant.get());
        fanOut.register(session, participant.get());
    }

    @OnMessage(maxMessageSize = 4096)
    public void message(Session session, String text) {
        Participant participant = (Participant) session.getUserProperties().get(PARTICIPANT);
        Optional<Long> after = resumeAfter(text);
        if (participant == null || after.isEmpty()) {
            LocalSocketFanOut.send(session,
                    "{\"type\":\"error\",\"message\":\"expected {\\\"type\\\":\\\"resume\\\",\\\"after\\\":N}\"}");
            return;
        }
        catchUp.after(participant, after.get())
                .forEach(event -> LocalSocketFanOut.send(session, ChannelMessages.envelope(event)));
    }

    static Optional<Long> resumeAfter(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject message = reader.readObject();
            if ("resume".equals(message.getString("type", null)) && message.get("after") instanceof JsonNumber n
                    && n.isIntegral() && n.longValue() >= 0) {
                return Optional.of(n.longValue());
            }
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            // not JSON, or not an object: answered like any other unexpected message
        }
        return Optional.empty();
    }

    @OnClose
    public void close(Session session) {
        fanOut.unregister(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        fanOut.unregister(session);
    }
}
