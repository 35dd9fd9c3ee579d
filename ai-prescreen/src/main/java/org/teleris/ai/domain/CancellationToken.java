package org.teleris.ai.domain;

import java.util.ArrayList;
import java.util.List;

/** Lets the service stop a running inference on time-out; a model registers how it can be stopped. */
public final class CancellationToken {
    private final List<Runnable> callbacks = new ArrayList<>();
    private boolean cancelled;

    public synchronized void onCancel(Runnable callback) {
        if (cancelled) {
            callback.run();
        } else {
            callbacks.add(callback);
        }
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(callbacks);
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
