package org.teleris.triage.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.teleris.triage.application.ChannelEventAppended;
import org.teleris.triage.application.ChannelFanOut;
import org.teleris.triage.domain.Participant;

/**
 * Delivers channel events to the WebSocket sessions open on this server instance. One sender
 * thread keeps the order of events per session and keeps slow clients off request threads.
 */
@ApplicationScoped
public class LocalSocketFanOut implements ChannelFanOut {

    private static final Logger LOG = Logger.getLogger(LocalSocketFanOut.class.getName());

    private final Map<Session, Participant> sessions = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "triage-channel-sender");
        thread.setDaemon(true);
        return thread;
    });

    public void register(Session session, Participant participant) {
        sessions.put(session, participant);
    }

    public void unregister(Session session) {
        sessions.remove(session);
    }

    @Override
    public void fanOut(ChannelEventAppended event) {
        sender.execute(() -> sessions.forEach((session, participant) -> {
            if (participant.maySee(event.organisationId())) {
                send(session, ChannelMessages.envelope(event));
            }
        }));
    }

    /** Sends on the caller's thread; also used for catch-up replies, hence the per-session lock. */
    public static void send(Session session, String text) {
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "dropping a message to a closing socket", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
