package org.teleris.triage.infrastructure;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives each live-channel socket a plain scheduler for its idle-timeout timer. Tyrus (Payara's
 * WebSocket implementation, 2.x) cancels and re-schedules that timer on <em>every</em> send, on the
 * container's managed scheduled executor, whose context capture does HK2 service lookups per call:
 * with some 430 receivers per channel message that is thousands of schedules a second, a fifth of
 * the server's samples in the channel benchmark (scripts/bench/README.md). The timer's command needs
 * no container context, so a plain executor serves it. Container-specific by nature: it touches
 * only a Tyrus session whose scheduler field is where Tyrus 2 keeps it, and otherwise changes
 * nothing (the socket works as before, only slower under load).
 */
public final class TyrusIdleTimer {

    private static final Logger LOG = Logger.getLogger(TyrusIdleTimer.class.getName());
    private static final String TYRUS_SESSION = "org.glassfish.tyrus.core.TyrusSession";
    private static final ScheduledExecutorService PLAIN = plainScheduler();
    private static volatile Field serviceField;
    private static volatile boolean unavailable;
    private static volatile boolean announced;

    private TyrusIdleTimer() {
    }

    /** @return true when the session's idle timer now runs on the plain scheduler */
    public static boolean adopt(Session session) {
        Field field = field(session.getClass());
        if (field == null) {
            return false;
        }
        try {
            field.set(session, PLAIN);
            if (!announced) {
                announced = true;
                LOG.info("live-channel sockets run their Tyrus idle timers on a plain scheduler");
            }
            return true;
        } catch (IllegalAccessException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Field field(Class<?> sessionClass) {
        if (unavailable || !TYRUS_SESSION.equals(sessionClass.getName())) {
            return null;
        }
        Field field = serviceField;
        if (field != null && field.getDeclaringClass() == sessionClass) {
            return field;
        }
        try {
            field = sessionClass.getDeclaredField("service");
            if (!ScheduledExecutorService.class.isAssignableFrom(field.getType())) {
                throw new NoSuchFieldException("service is a " + field.getType().getName());
            }
            field.setAccessible(true);
            serviceField = field;
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            unavailable = true;
            LOG.log(Level.INFO, "Tyrus sessions keep the container's scheduler for their idle timers: " + e);
            return null;
        }
    }

    private static ScheduledExecutorService plainScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "triage-channel-idle-timer");
            thread.setDaemon(true);
            thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
            return thread;
        });
        // a cancelled timer leaves the queue at once: every send cancels one
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
