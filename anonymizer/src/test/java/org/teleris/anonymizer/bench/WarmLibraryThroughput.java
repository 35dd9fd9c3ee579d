package org.teleris.anonymizer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.teleris.anonymizer.application.BatchProcessor;
import org.teleris.anonymizer.application.DeidentifiedFileVerifier;
import org.teleris.anonymizer.application.DicomDeidentifier;
import org.teleris.anonymizer.domain.BatchReport;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.OrganisationSecret;

/**
 * The server's view of the benchmark: the library in a JVM that is already running (no start-up, JIT warm), the
 * same batch code as the CLI, all files written. Usage: {@code WarmLibraryThroughput IN OUT PASSES}; prints the
 * median seconds of the timed passes on the last line.
 */
public final class WarmLibraryThroughput {

    private WarmLibraryThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int passes = Integer.parseInt(args[2]);
        BatchProcessor batch = new BatchProcessor(new DicomDeidentifier(), new DeidentifiedFileVerifier(),
                Runtime.getRuntime().availableProcessors());
        List<BatchProcessor.Job> jobs = BatchProcessor.collect(List.of(in));
        OrganisationSecret secret = new OrganisationSecret("benchmark-secret-0123456789".getBytes());
        List<Double> times = new ArrayList<>();
        for (int pass = -4; pass < passes; pass++) { // warm-up passes let the JIT (C2) settle, as in a running server
            delete(out);
            long t0 = System.nanoTime();
            BatchReport r = batch.deidentify(jobs, out, secret, DeidentificationOptions.serverDefaults());
            double s = (System.nanoTime() - t0) / 1e9;
            if (r.rejected() > 0) {
                throw new IllegalStateException(r.rejected() + " files rejected");
            }
            if (pass >= 0) {
                times.add(s);
            }
        }
        Collections.sort(times);
        System.out.printf("%.4f%n", times.get(times.size() / 2));
    }

    private static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
