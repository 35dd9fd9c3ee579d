package org.teleris.ai.application;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.teleris.ai.domain.CancellationToken;
import org.teleris.ai.domain.DefectType;
import org.teleris.ai.domain.LoadedModel;
import org.teleris.ai.domain.ModelRegistry;
import org.teleris.ai.domain.NotAnalysableException;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.ScanLoader;

/**
 * Runs prescreens off the caller's thread on a fixed pool with a bounded queue. Every request ends
 * in a result, never an exception: a full queue, a model failure, malformed output or a time-out
 * (counted from submission) become a technological defect, so that no case ever waits on the AI.
 */
public final class PrescreenService implements AutoCloseable {
    private final ModelRegistry registry;
    private final PrescreenPipeline pipeline = new PrescreenPipeline();
    private final QualityMonitor monitor;
    private final ServiceLimits limits;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;

    public PrescreenService(ModelRegistry registry, ServiceLimits limits) {
        this.registry = registry;
        this.limits = limits;
        this.monitor = new QualityMonitor(limits.lateLimit().toMillis());
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.queueCapacity()), daemonThreads("ai-prescreen-worker"));
        java.util.concurrent.ScheduledThreadPoolExecutor deadlines =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, daemonThreads("ai-prescreen-timer"));
        deadlines.setRemoveOnCancelPolicy(true);
        this.timer = deadlines;
    }

    /**
     * Submits one prescreen.
     * @param loader  reads the input (runs on the worker thread)
     * @param preview true for stage I previews (a few slices or an image)
     * @param modelId a registered model, or null for the default model
     */
    public CompletableFuture<PrescreenResult> submit(ScanLoader loader, boolean preview, String modelId) {
        long start = System.nanoTime();
        CompletableFuture<PrescreenResult> promise = new CompletableFuture<>();
        promise.thenAccept(monitor::record);
        String id = modelId == null ? registry.defaultModelId() : modelId;
        LoadedModel model = id == null ? null : registry.find(id).orElse(null);
        if (model == null) {
            promise.complete(PrescreenResult.defect(DefectType.FAILED, "model not registered: " + id, null, preview));
            return promise;
        }
        CancellationToken token = new CancellationToken();
        Runnable task = () -> {
            if (promise.isDone()) {
                return; // timed out while queued
            }
            PrescreenResult r;
            try {
                r = pipeline.run(loader.load(), model, token);
            } catch (NotAnalysableException e) {
                r = PrescreenResult.notAnalysable(e, model.card(), preview);
            } catch (MalformedOutputException e) {
                r = PrescreenResult.defect(DefectType.MALFORMED, e.getMessage(), model.card(), preview);
            } catch (Throwable e) { // any model or reader failure, even an Error, must not escape to the case
                r = PrescreenResult.defect(DefectType.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        model.card(), preview);
            }
            promise.complete(r.withDuration(elapsed(start)));
        };
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            promise.complete(PrescreenResult.defect(DefectType.QUEUE_FULL,
                    "prescreen queue full (" + limits.queueCapacity() + ")", model.card(), preview).withDuration(elapsed(start)));
            return promise;
        }
        var deadline = timer.schedule(() -> {
            if (promise.complete(PrescreenResult.defect(DefectType.TIMED_OUT,
                    "no result within " + limits.timeout().toMillis() + " ms", model.card(), preview)
                    .withDuration(elapsed(start)))) {
                token.cancel(); // free the worker for the next case
            }
        }, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        promise.whenComplete((r, e) -> deadline.cancel(false)); // do not keep finished requests until their deadline
        return promise;
    }

    public QualityMonitor quality() {
        return monitor;
    }

    public ModelRegistry registry() {
        return registry;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }
}
