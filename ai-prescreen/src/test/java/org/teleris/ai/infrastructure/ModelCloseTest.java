package org.teleris.ai.infrastructure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.ai.domain.CancellationToken;
import org.teleris.ai.domain.LoadedModel;

/**
 * Closing a model while a graph runs (a server stopping during an AI run) must not free the session under
 * the running graph: that crashed the whole JVM in native code. The run is stopped, close waits for it,
 * and a run after close is refused.
 */
class ModelCloseTest {
    @TempDir
    Path dir;

    @Test
    void closingDuringARunStopsTheRunWaitsForItAndRefusesLaterRuns() throws Exception {
        TestModels.slowModel(dir, "slow", 800); // several seconds of matrix products
        try (DirectoryModelRegistry registry = DirectoryModelRegistry.withDirectory(dir, 1)) {
            LoadedModel model = registry.find("slow").orElseThrow();
            float[] input = new float[TestModels.D * TestModels.H * TestModels.W];
            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
                try {
                    model.run(input, TestModels.D, new CancellationToken());
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            Thread.sleep(300); // inside the graph by now
            assertTrue(!running.isDone(), "the run must still be going when the model closes");
            long started = System.nanoTime();
            model.close();
            long closeMillis = (System.nanoTime() - started) / 1_000_000;
            Throwable outcome = running.get(30, TimeUnit.SECONDS);
            assertTrue(outcome != null, "the run was stopped, not completed");
            assertTrue(closeMillis < 5_000, "close stopped the graph instead of waiting for its end: " + closeMillis + " ms");
            assertThrows(IllegalStateException.class, () -> model.run(input, TestModels.D, new CancellationToken()));
        }
    }
}
