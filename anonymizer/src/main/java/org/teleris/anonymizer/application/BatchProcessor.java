package org.teleris.anonymizer.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.teleris.anonymizer.domain.BatchReport;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.Rejection;
import org.teleris.anonymizer.domain.RejectionCode;

/**
 * De-identifies or verifies files and folders (recursively) in parallel, mirroring the folder structure into the
 * output folder. A rejected file is never written; its report says why.
 */
public final class BatchProcessor {

    private final DicomDeidentifier deidentifier;
    private final DeidentifiedFileVerifier verifier;
    private final int threads;

    public BatchProcessor(DicomDeidentifier deidentifier, DeidentifiedFileVerifier verifier, int threads) {
        this.deidentifier = deidentifier;
        this.verifier = verifier;
        this.threads = Math.max(1, threads);
    }

    /**
     * Told about each file as soon as it is done, on the worker thread that did it (so per-file work such as
     * rendering the report entry runs in parallel with the other files, not after the batch).
     */
    public interface Listener {
        Listener NONE = (index, entry) -> { };

        void finished(int index, BatchReport.Entry entry);
    }

    /** One input file and where it goes, relative to its input root. */
    public record Job(Path source, String relativePath) {
    }

    public static List<Job> collect(List<Path> inputs) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> s = Files.walk(input)) {
                    s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder())
                            .forEach(p -> jobs.add(new Job(p, input.relativize(p).toString())));
                }
            } else {
                jobs.add(new Job(input, input.getFileName().toString()));
            }
        }
        return jobs;
    }

    public BatchReport deidentify(List<Job> jobs, Path outputDir, OrganisationSecret secret, DeidentificationOptions options)
            throws IOException, InterruptedException {
        return deidentify(jobs, outputDir, secret, options, Listener.NONE);
    }

    public BatchReport deidentify(List<Job> jobs, Path outputDir, OrganisationSecret secret, DeidentificationOptions options,
                                  Listener listener) throws IOException, InterruptedException {
        return run(jobs, options, false, listener, job -> {
            try {
                return deidentifier.deidentify(job.source(), outputDir.resolve(job.relativePath()), secret, options);
            } catch (InstanceRejectedException e) {
                return e.report();
            }
        });
    }

    public BatchReport verify(List<Job> jobs) throws IOException, InterruptedException {
        return verify(jobs, Listener.NONE);
    }

    public BatchReport verify(List<Job> jobs, Listener listener) throws IOException, InterruptedException {
        return run(jobs, DeidentificationOptions.of(), true, listener, job -> verifier.verify(job.source()));
    }

    private interface Work {
        InstanceReport apply(Job job) throws IOException;
    }

    private BatchReport run(List<Job> jobs, DeidentificationOptions options, boolean verifyOnly, Listener listener, Work work)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BatchReport.Entry>> futures = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                int index = i;
                futures.add(pool.submit(() -> {
                    BatchReport.Entry entry = new BatchReport.Entry(job.relativePath(), process(job, work));
                    listener.finished(index, entry);
                    return entry;
                }));
            }
            List<BatchReport.Entry> entries = new ArrayList<>();
            int passed = 0;
            for (int i = 0; i < jobs.size(); i++) {
                BatchReport.Entry entry;
                try {
                    entry = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("unexpected failure in a worker", e.getCause());
                }
                entries.add(entry);
                passed += entry.report().outcome() == Outcome.REJECTED ? 0 : 1;
            }
            List<String> optionNames = options.names();
            return new BatchReport(deidentifier.profile().name(), deidentifier.profile().version(), optionNames, verifyOnly,
                    jobs.size(), passed, jobs.size() - passed, entries);
        } finally {
            pool.shutdownNow();
        }
    }

    private InstanceReport process(Job job, Work work) {
        try {
            return work.apply(job);
        } catch (IOException | RuntimeException e) {
            // One unreadable or unwritable file must not stop the batch; it is reported as rejected.
            Rejection why = new Rejection(RejectionCode.UNREADABLE_DICOM, "file could not be processed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            return new InstanceReport(Outcome.REJECTED, deidentifier.profile().name(),
                    deidentifier.profile().version(), List.of(), "", "", false, List.of(), List.of(), null, why);
        }
    }
}
