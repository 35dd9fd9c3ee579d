package org.teleris.triage.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * Outside Tyrus the timer hand-over does nothing and never fails the socket's opening. (In
 * Payara the server logs that it took over; scripts/bench/README.md has the measured effect.)
 */
class TyrusIdleTimerTest {

    @Test
    void aSessionThatIsNotTyrusIsLeftAlone() {
        Session other = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    throw new AssertionError("the session must not be touched: " + method.getName());
                });
        assertFalse(TyrusIdleTimer.adopt(other));
        assertFalse(TyrusIdleTimer.adopt(other));
    }
}
