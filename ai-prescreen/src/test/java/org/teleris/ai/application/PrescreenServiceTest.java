package org.teleris.ai.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.ai.domain.DefectType;
import org.teleris.ai.domain.LoadedScan;
import org.teleris.ai.domain.NotAnalysableException;
import org.teleris.ai.domain.NotAnalysableReason;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.ResultKind;
import org.teleris.ai.domain.ScanLoader;
import org.teleris.ai.fixtures.SyntheticChestCt;
import org.teleris.ai.infrastructure.DirectoryModelRegistry;
import org.teleris.ai.infrastructure.TestModels;

/** Real ONNX models that fail, answer nonsense or take too long: every request still ends in a result. */
class PrescreenServiceTest {
    @TempDir
    static Path dir;
    private static DirectoryModelRegistry registry;
    private static LoadedScan scan;

    @BeforeAll
    static void setUp() throws Exception {
        TestModels.meanModel(dir, "mean");
        TestModels.malformedModel(dir, "malformed");
        TestModels.failingModel(dir, "failing");
        TestModels.slowModel(dir, "slow", 800); // several seconds, beyond every time-out here even on a fast machine (200 layers finished within 1.5 s on one)
        registry = DirectoryModelRegistry.withDirectory(dir, 1);
        assertTrue(registry.rejected().isEmpty(), registry.rejected().toString());
        scan = new LoadedScan(new SyntheticChestCt(24, 64, 6.0, 12.0).seed(5).build().volume(), false, null, List.of());
    }

    @AfterAll
    static void tearDown() {
        registry.close();
    }

    private static PrescreenService service(int workers, int queue, long timeoutMillis) {
        return new PrescreenService(registry, new ServiceLimits(workers, queue, Duration.ofMillis(timeoutMillis),
                Duration.ofMillis(timeoutMillis / 2)));
    }

    private static PrescreenResult get(CompletableFuture<PrescreenResult> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void runsOffTheCallersThread() throws Exception {
        try (PrescreenService s = service(1, 4, 30_000)) {
            Thread caller = Thread.currentThread();
            Thread[] loaderThread = new Thread[1];
            PrescreenResult r = get(s.submit(() -> {
                loaderThread[0] = Thread.currentThread();
                return scan;
            }, false, "mean"));
            assertEquals(ResultKind.COMPLETED, r.kind(), r.reason());
            assertNotEquals(caller, loaderThread[0]);
            assertEquals(1, s.quality().snapshot().get(0).completed());
        }
    }

    @Test
    void malformedOutputIsADefectNotAnException() throws Exception {
        try (PrescreenService s = service(1, 4, 30_000)) {
            PrescreenResult r = get(s.submit(() -> scan, false, "malformed"));
            assertEquals(ResultKind.TECHNOLOGICAL_DEFECT, r.kind());
            assertEquals(DefectType.MALFORMED, r.defect());
            assertTrue(r.reason().contains("probability"), r.reason());
            assertEquals(1, s.quality().snapshot().get(0).malformed());
        }
    }

    @Test
    void modelFailureAtRunTimeIsADefect() throws Exception {
        try (PrescreenService s = service(1, 4, 30_000)) {
            PrescreenResult r = get(s.submit(() -> scan, false, "failing"));
            assertEquals(ResultKind.TECHNOLOGICAL_DEFECT, r.kind());
            assertEquals(DefectType.FAILED, r.defect());
            assertTrue(r.reason().startsWith("OrtException"), r.reason());
        }
    }

    @Test
    void loaderCrashAndUnknownModelAreDefects() throws Exception {
        try (PrescreenService s = service(1, 4, 30_000)) {
            ScanLoader crashing = () -> {
                throw new OutOfMemoryError("simulated");
            };
            assertEquals(DefectType.FAILED, get(s.submit(crashing, false, "mean")).defect());
            assertEquals(DefectType.FAILED, get(s.submit(() -> scan, false, "no-such-model")).defect());
        }
    }

    @Test
    void notAnalysableInputIsReportedAsSuch() throws Exception {
        try (PrescreenService s = service(1, 4, 30_000)) {
            PrescreenResult r = get(s.submit(() -> {
                throw new NotAnalysableException(NotAnalysableReason.VIDEO, null);
            }, true, "mean"));
            assertEquals(ResultKind.NOT_ANALYSABLE, r.kind());
            assertEquals(NotAnalysableReason.VIDEO, r.notAnalysableReason());
        }
    }

    @Test
    void timeOutIsADefectAndTheRunningGraphIsStopped() throws Exception {
        try (PrescreenService s = service(1, 4, 400)) {
            long t0 = System.nanoTime();
            PrescreenResult slow = get(s.submit(() -> scan, false, "slow"));
            assertEquals(DefectType.TIMED_OUT, slow.defect(), slow.kind() + " " + slow.reason() + " " + slow.durationMillis());
            assertTrue((System.nanoTime() - t0) / 1e6 < 5_000);
            // The single worker is free again only if ONNX Runtime honoured the terminate flag:
            // the slow graph alone runs for far longer than this whole test allows.
            long t1 = System.nanoTime();
            CompletableFuture<PrescreenResult> next = s.submit(() -> scan, false, "mean");
            PrescreenResult fast = next.get(60, TimeUnit.SECONDS);
            assertEquals(ResultKind.COMPLETED, fast.kind(), fast.reason());
            assertTrue((System.nanoTime() - t1) / 1e6 < 3_000, "worker freed after " + (System.nanoTime() - t1) / 1e6 + " ms");
        }
    }

    @Test
    void fullQueueRefusesAtOnceInsteadOfBlocking() throws Exception {
        try (PrescreenService s = service(1, 1, 1_500)) {
            CompletableFuture<PrescreenResult> running = s.submit(() -> scan, false, "slow");
            Thread.sleep(200); // let the worker take the first one
            CompletableFuture<PrescreenResult> queued = s.submit(() -> scan, false, "slow");
            long t0 = System.nanoTime();
            PrescreenResult refused = s.submit(() -> scan, false, "slow").get(1, TimeUnit.SECONDS);
            assertEquals(DefectType.QUEUE_FULL, refused.defect());
            assertTrue((System.nanoTime() - t0) / 1e6 < 500);
            assertEquals(DefectType.TIMED_OUT, get(running).defect());
            assertEquals(DefectType.TIMED_OUT, get(queued).defect());
        }
    }
}
