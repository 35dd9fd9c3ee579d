package org.teleris.triage.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.teleris.triage.application.ChannelEventAppended;
import org.teleris.triage.application.ChannelFanOut;
import org.teleris.triage.domain.Participant;

/**
 * Delivers channel events to the WebSocket sessions open on this server instance.
 *
 * <p>Sessions are spread over a few sender lanes, each a single thread with its own FIFO queue: a
 * session belongs to exactly one lane, so its events are sent in order and never concurrently, and
 * slow clients stay off request threads. One lane per session-set keeps a blocking send to one socket
 * from holding up every other socket (measured with scripts/bench/channel-load: one sender thread
 * managed about 2,500 sends a second for 500 sockets, far behind 100 messages a second).
 *
 * <p>Events are handed over in sequence order: the after-commit observers of consecutive
 * transactions run on different request threads and may call {@link #fanOut} out of order, and a
 * client drops any event whose sequence is not above the last one it saw. An event that arrives
 * ahead of a missing one waits at most {@link #GAP_WAIT_MILLIS}; then the gap is skipped and the
 * late event, when it comes, is sent as it is.
 *
 * <p>The lane threads run with the platform class loader as context class loader: every Tyrus send
 * reschedules the session's idle-timeout task on a managed executor, which captures the thread's
 * context and looks up context providers with {@code ServiceLoader} through the context class
 * loader; through the application's loader that scans every jar of the server on every send.
 */
@ApplicationScoped
public class LocalSocketFanOut implements ChannelFanOut {

    private static final Logger LOG = Logger.getLogger(LocalSocketFanOut.class.getName());

    /**
     * Sequences are handed out under a row lock held until commit, so a missing one has committed
     * already and its observer is only running late (seen: over 500 ms on a machine at load 20); the
     * wait is a safety net, not a normal path.
     */
    static final long GAP_WAIT_MILLIS = 2000;

    private final Lane[] lanes;
    private final AtomicInteger nextLane = new AtomicInteger();
    private final ScheduledExecutorService gapTimer;

    /** Events that arrived ahead of a missing sequence, by sequence; guarded by {@code this}. */
    private final TreeMap<Long, ChannelEventAppended> waiting = new TreeMap<>();
    private long nextSequence = -1;
    private long gapDeadline;

    public LocalSocketFanOut() {
        this(Math.max(2, Math.min(8, 2 * Runtime.getRuntime().availableProcessors())));
    }

    LocalSocketFanOut(int laneCount) {
        lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane(i);
        }
        gapTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "triage-channel-gap-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void register(Session session, Participant participant) {
        lanes[Math.floorMod(nextLane.getAndIncrement(), lanes.length)].sessions.put(session, participant);
    }

    public void unregister(Session session) {
        for (Lane lane : lanes) {
            lane.sessions.remove(session);
        }
    }

    @Override
    public void fanOut(ChannelEventAppended event) {
        synchronized (this) {
            if (nextSequence < 0 || event.sequence() < nextSequence) {
                // The first event seen, or one that comes after its gap was given up: send it now.
                dispatch(event);
                nextSequence = Math.max(nextSequence, event.sequence() + 1);
            } else {
                waiting.put(event.sequence(), event);
            }
            releaseInOrder();
        }
    }

    /** Dispatches the waiting events that are next in sequence; guarded by {@code this}. */
    private void releaseInOrder() {
        while (!waiting.isEmpty() && waiting.firstKey() <= nextSequence) {
            ChannelEventAppended event = waiting.pollFirstEntry().getValue();
            dispatch(event);
            nextSequence = Math.max(nextSequence, event.sequence() + 1);
        }
        if (!waiting.isEmpty() && gapDeadline == 0) {
            gapDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GAP_WAIT_MILLIS);
            gapTimer.schedule(this::giveUpGap, GAP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } else if (waiting.isEmpty()) {
            gapDeadline = 0;
        }
    }

    private synchronized void giveUpGap() {
        if (gapDeadline == 0) {
            return;
        }
        if (System.nanoTime() - gapDeadline < 0) {
            // A newer gap than the one this timer was set for: look again when it is due.
            gapTimer.schedule(this::giveUpGap, gapDeadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            return;
        }
        gapDeadline = 0;
        if (!waiting.isEmpty()) {
            LOG.log(Level.FINE, "channel sequence gap before {0} given up", waiting.firstKey());
            nextSequence = waiting.firstKey();
            releaseInOrder();
        }
    }

    /** Queues the event on every lane; guarded by {@code this}, so lanes receive events in order. */
    private void dispatch(ChannelEventAppended event) {
        String text = ChannelMessages.envelope(event);
        for (Lane lane : lanes) {
            lane.sender.execute(() -> lane.sessions.forEach((session, participant) -> {
                if (participant.maySee(event.organisationId())) {
                    send(session, text);
                }
            }));
        }
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

    @Override
    public int disconnect(String userId) {
        int closed = 0;
        for (Lane lane : lanes) {
            for (var entry : lane.sessions.entrySet()) {
                if (entry.getValue().userId().equals(userId)) {
                    lane.sessions.remove(entry.getKey());
                    try {
                        entry.getKey().close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "account disabled"));
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "closing a disabled user's socket", e);
                    }
                    closed++;
                }
            }
        }
        return closed;
    }

    @PreDestroy
    void stop() {
        gapTimer.shutdownNow();
        for (Lane lane : lanes) {
            lane.sender.shutdownNow();
        }
    }

    /** A sender thread and the sessions it serves. */
    private static final class Lane {
        final Map<Session, Participant> sessions = new ConcurrentHashMap<>();
        final ExecutorService sender;

        Lane(int index) {
            sender = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "triage-channel-sender-" + index);
                thread.setDaemon(true);
                thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
                return thread;
            });
        }
    }
}
