package org.teleris.ai.application;

import java.time.Duration;

/**
 * Capacity and time limits of the prescreen service.
 *
 * @param workers        concurrent inferences (each model session also uses its own threads)
 * @param queueCapacity  waiting requests beyond which new ones are refused as a defect, not queued forever
 * @param timeout        from submission to result; beyond it the result is a time-out defect
 * @param lateLimit      a completed result slower than this is counted as late for quality monitoring
 */
public record ServiceLimits(int workers, int queueCapacity, Duration timeout, Duration lateLimit) {
    public static ServiceLimits defaults() {
        return new ServiceLimits(1, 16, Duration.ofSeconds(60), Duration.ofSeconds(20));
    }
}
