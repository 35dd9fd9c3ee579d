package org.teleris.triage.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.teleris.triage.application.ChannelEventAppended;
import org.teleris.triage.domain.Participant;

class LocalSocketFanOutTest {

    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");

    private final LocalSocketFanOut fanOut = new LocalSocketFanOut(3);

    @AfterEach
    void stop() {
        fanOut.stop();
    }

    @Test
    void everySessionReceivesWhatItMaySeeInSequenceOrderAndNeverConcurrently() throws Exception {
        List<FakeSocket> north = new ArrayList<>();
        List<FakeSocket> centre = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            north.add(register(participant(Participant.Role.DOCTOR, "north")));
            centre.add(register(participant(Participant.Role.CONSULTANT, "centre")));
        }
        // The first event sets where the sequence starts; then four threads hand over the other 399,
        // each its own share, so calls arrive out of order.
        fanOut.fanOut(event(1, "south"));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            threads.add(new Thread(() -> {
                for (long sequence = 2 + first; sequence <= 400; sequence += 4) {
                    fanOut.fanOut(event(sequence, sequence % 2 == 0 ? "north" : "south"));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        for (FakeSocket socket : centre) {
            assertEquals(sequences(1, 400, 1), socket.awaitSequences(400), "a consultant sees every event in order");
        }
        for (FakeSocket socket : north) {
            assertEquals(sequences(2, 400, 2), socket.awaitSequences(200), "a doctor sees only their organisation's");
        }
        for (FakeSocket socket : north) {
            assertTrue(!socket.concurrent.get(), "no concurrent sends on one session");
        }
        for (FakeSocket socket : centre) {
            assertTrue(!socket.concurrent.get(), "no concurrent sends on one session");
        }
    }

    @Test
    void aMissingSequenceHoldsLaterEventsOnlyForAWhile() throws Exception {
        FakeSocket socket = register(participant(Participant.Role.ADMIN, "centre"));
        fanOut.fanOut(event(10, "north"));
        fanOut.fanOut(event(12, "north"));
        fanOut.fanOut(event(13, "north"));
        assertEquals(List.of(10L), socket.awaitSequences(1));
        Thread.sleep(LocalSocketFanOut.GAP_WAIT_MILLIS / 5);
        assertEquals(List.of(10L), socket.sequences(), "12 and 13 wait for 11");
        assertEquals(List.of(10L, 12L, 13L), socket.awaitSequences(3), "the gap is given up");
        fanOut.fanOut(event(11, "north"));
        fanOut.fanOut(event(14, "north"));
        assertEquals(List.of(10L, 12L, 13L, 11L, 14L), socket.awaitSequences(5), "a late event is still sent");
    }

    @Test
    void aClosedOrUnregisteredSessionReceivesNothing() throws Exception {
        FakeSocket open = register(participant(Participant.Role.EXPERT, "centre"));
        FakeSocket closed = register(participant(Participant.Role.EXPERT, "centre"));
        FakeSocket gone = register(participant(Participant.Role.EXPERT, "centre"));
        closed.open.set(false);
        fanOut.unregister(gone.session);
        fanOut.fanOut(event(1, "north"));
        assertEquals(List.of(1L), open.awaitSequences(1));
        assertEquals(List.of(), closed.sequences());
        assertEquals(List.of(), gone.sequences());
    }

    private FakeSocket register(Participant participant) {
        FakeSocket socket = new FakeSocket();
        fanOut.register(socket.session, participant);
        return socket;
    }

    private static final AtomicInteger USERS = new AtomicInteger();

    private static Participant participant(Participant.Role role, String organisation) {
        String id = "u" + USERS.incrementAndGet();
        return new Participant(id, id, id, role, organisation, organisation);
    }

    private static ChannelEventAppended event(long sequence, String organisation) {
        return new ChannelEventAppended(sequence, organisation, "message.posted", "c" + sequence,
                "{\"id\":\"m" + sequence + "\"}");
    }

    private static List<Long> sequences(long from, long to, long step) {
        List<Long> result = new ArrayList<>();
        for (long s = from; s <= to; s += step) {
            result.add(s);
        }
        return result;
    }

    /** A WebSocket session that records what is sent and notices overlapping sends. */
    private static final class FakeSocket {
        final List<String> texts = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicBoolean sending = new AtomicBoolean();
        final AtomicBoolean concurrent = new AtomicBoolean();
        final Session session;

        FakeSocket() {
            RemoteEndpoint.Basic basic = (RemoteEndpoint.Basic) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Basic.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 1) {
                            if (!sending.compareAndSet(false, true)) {
                                concurrent.set(true);
                            }
                            Thread.onSpinWait();
                            texts.add((String) args[0]);
                            sending.set(false);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isOpen" -> open.get();
                        case "getBasicRemote" -> basic;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "fake session";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        List<Long> sequences() {
            List<Long> result = new ArrayList<>();
            synchronized (texts) {
                for (String text : texts) {
                    Matcher m = SEQUENCE.matcher(text);
                    assertTrue(m.find(), text);
                    result.add(Long.parseLong(m.group(1)));
                }
            }
            return result;
        }

        List<Long> awaitSequences(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (texts.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return sequences();
        }
    }
}
