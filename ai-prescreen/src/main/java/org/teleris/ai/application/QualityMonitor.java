package org.teleris.ai.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.teleris.ai.domain.DefectType;
import org.teleris.ai.domain.PrescreenResult;

/**
 * Counts results per model since start-up: completed, not analysable, each kind of technological
 * defect, and late (completed beyond the late limit). Persistence over periods is the caller's job.
 */
public final class QualityMonitor {
    /** Counters of one model at one instant. */
    public record ModelQuality(String modelId, long completed, long notAnalysable, long failed, long timedOut,
                               long malformed, long queueFull, long late) {
        public long defects() {
            return failed + timedOut + malformed + queueFull;
        }
    }

    private static final int COMPLETED = 0;
    private static final int NOT_ANALYSABLE = 1;
    private static final int LATE = 2;
    private static final int DEFECT_BASE = 3;

    private final Map<String, AtomicLong[]> counters = new ConcurrentHashMap<>();
    private final long lateMillis;

    public QualityMonitor(long lateMillis) {
        this.lateMillis = lateMillis;
    }

    public void record(PrescreenResult r) {
        AtomicLong[] c = counters.computeIfAbsent(r.modelId(), k -> {
            AtomicLong[] a = new AtomicLong[DEFECT_BASE + DefectType.values().length];
            for (int i = 0; i < a.length; i++) {
                a[i] = new AtomicLong();
            }
            return a;
        });
        switch (r.kind()) {
            case COMPLETED -> {
                c[COMPLETED].incrementAndGet();
                if (r.durationMillis() > lateMillis) {
                    c[LATE].incrementAndGet();
                }
            }
            case NOT_ANALYSABLE -> c[NOT_ANALYSABLE].incrementAndGet();
            case TECHNOLOGICAL_DEFECT -> c[DEFECT_BASE + r.defect().ordinal()].incrementAndGet();
        }
    }

    public List<ModelQuality> snapshot() {
        return counters.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            AtomicLong[] c = e.getValue();
            return new ModelQuality(e.getKey(), c[COMPLETED].get(), c[NOT_ANALYSABLE].get(),
                    c[DEFECT_BASE + DefectType.FAILED.ordinal()].get(), c[DEFECT_BASE + DefectType.TIMED_OUT.ordinal()].get(),
                    c[DEFECT_BASE + DefectType.MALFORMED.ordinal()].get(), c[DEFECT_BASE + DefectType.QUEUE_FULL.ordinal()].get(),
                    c[LATE].get());
        }).toList();
    }
}
