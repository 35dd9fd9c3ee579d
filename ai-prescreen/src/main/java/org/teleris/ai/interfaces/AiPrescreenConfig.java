package org.teleris.ai.interfaces;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of the prescreen library.
 *
 * @param modelsDirectory extra models, one per sub-directory with {@code model-card.properties}; null for none
 * @param workers         concurrent inferences
 * @param queueCapacity   waiting requests before new ones are refused (as a technological defect)
 * @param timeout         submission to result; beyond it the result is a time-out defect
 * @param lateLimit       completed results slower than this count as late
 * @param modelThreads    ONNX Runtime intra-op threads per session
 */
public record AiPrescreenConfig(Path modelsDirectory, int workers, int queueCapacity, Duration timeout,
                                Duration lateLimit, int modelThreads) {
    public static AiPrescreenConfig defaults() {
        return new AiPrescreenConfig(null, 1, 16, Duration.ofSeconds(60), Duration.ofSeconds(20),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public AiPrescreenConfig withModelsDirectory(Path dir) {
        return new AiPrescreenConfig(dir, workers, queueCapacity, timeout, lateLimit, modelThreads);
    }

    public AiPrescreenConfig withTimeout(Duration t) {
        return new AiPrescreenConfig(modelsDirectory, workers, queueCapacity, t, lateLimit, modelThreads);
    }

    public AiPrescreenConfig withQueue(int workerCount, int capacity) {
        return new AiPrescreenConfig(modelsDirectory, workerCount, capacity, timeout, lateLimit, modelThreads);
    }
}
