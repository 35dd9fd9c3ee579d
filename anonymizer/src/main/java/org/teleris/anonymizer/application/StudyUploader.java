package org.teleris.anonymizer.application;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Uploads de-identified files one resumable upload each, remembering in an append-only state file
 * which upload each file has and, once known, its outcome. Run again with the same state file, it asks
 * the server for each unfinished upload's durable offset and sends only the rest; finished files are
 * not sent again. Lost connections are retried with back-off; after that the run stops as unreachable.
 * Several files travel at once: each upload pays round trips and the server's fsyncs, which overlap.
 */
public final class StudyUploader {

    private static final ThreadFactory UPLOAD_THREADS = task -> {
        Thread t = new Thread(task, "upload");
        t.setDaemon(true);
        return t;
    };

    /** What became of the files of one run (or of the runs before it, by the state file). */
    public record Summary(int files, int stored, int duplicates, int conflicts, int rejected, int notSent,
                          int resumed) {
        public String line() {
            return files + " file(s): " + stored + " stored, " + duplicates + " duplicate(s), " + conflicts
                    + " conflict(s), " + rejected + " rejected, " + notSent + " not sent" + (resumed > 0
                    ? " (" + resumed + " resumed)" : "");
        }
    }

    /**
     * How a run sends: bytes per PATCH, retries of a lost connection, files in flight at once, and how
     * often a progress line is printed (zero: after every file).
     */
    public record Settings(int chunkSize, int retries, int parallel, Duration progressEvery) {
        public Settings {
            if (chunkSize < 1 || retries < 0 || parallel < 1 || progressEvery.isNegative()) {
                throw new IllegalArgumentException("chunk size and parallel at least 1, retries and progress not negative");
            }
        }
    }

    private final ResumableTransport transport;
    private final UploadState state;
    private final int chunkSize;
    private final int retries;
    private final int parallel;
    private final Duration progressEvery;
    private final Consumer<String> log;

    public StudyUploader(ResumableTransport transport, Path stateFile, Settings settings, Consumer<String> log)
            throws IOException {
        this.transport = transport;
        this.state = new UploadState(stateFile);
        this.chunkSize = settings.chunkSize();
        this.retries = settings.retries();
        this.parallel = settings.parallel();
        this.progressEvery = settings.progressEvery();
        this.log = log;
    }

    /**
     * Files by a key unique in the study (their relative path); {@code rejectedLocally} were never sent.
     * Up to {@code parallel} files are in flight at once; once one of them finds the server unreachable or
     * the user not authorised, no further file is started, the ones in flight finish, and that failure is
     * thrown (not authorised before unreachable).
     */
    public Summary upload(String sessionId, Map<String, Path> files, int rejectedLocally)
            throws ResumableTransport.Unreachable, ResumableTransport.NotAuthorised {
        AtomicBoolean stopping = new AtomicBoolean();
        List<Future<ResumableTransport.Outcome>> outcomes = new ArrayList<>();
        int resumed = 0;
        ExecutorService workers = Executors.newFixedThreadPool(parallel, UPLOAD_THREADS);
        // A finished upload's termination does not hold up the next file; the run waits for them at its end.
        ExecutorService terminations = Executors.newFixedThreadPool(parallel, UPLOAD_THREADS);
        try {
            for (Map.Entry<String, Path> file : files.entrySet()) {
                String[] known = state.latest(file.getKey());
                if (known != null && known[1].equals("UPLOADING")) {
                    resumed++;
                }
                outcomes.add(workers.submit(() -> stopping.get() ? null : outcome(sessionId, file.getKey(),
                        file.getValue(), known, stopping, terminations)));
            }
        } finally {
            workers.shutdown();
        }
        Tally tally = new Tally(files);
        Exception failure = null;
        Iterator<String> keys = files.keySet().iterator();
        for (Future<ResumableTransport.Outcome> pending : outcomes) {
            String key = keys.next();
            try {
                ResumableTransport.Outcome outcome = pending.get();
                if (outcome != null) { // null: not started, an earlier failure stopped the run
                    tally.add(key, outcome);
                    tally.reportProgress();
                }
            } catch (ExecutionException e) {
                if (failure == null || e.getCause() instanceof ResumableTransport.NotAuthorised) {
                    failure = e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.shutdownNow();
                terminations.shutdownNow();
                throw new ResumableTransport.Unreachable("interrupted", e);
            }
        }
        awaitTerminations(terminations);
        if (failure instanceof ResumableTransport.NotAuthorised e) {
            throw e;
        }
        if (failure instanceof ResumableTransport.Unreachable e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        return new Summary(files.size() + rejectedLocally, tally.stored, tally.duplicates, tally.conflicts,
                tally.rejected + rejectedLocally, files.size() - tally.sent, resumed);
    }

    /**
     * The outcomes counted in file order, each file not stored logged with its reason, and now and then
     * (every {@code progressEvery}) a line with the files and bytes done so far.
     */
    private final class Tally {
        final Map<String, Long> sizes = new LinkedHashMap<>();
        final long totalBytes;
        long bytesDone;
        long lastReport = System.nanoTime();
        int stored;
        int duplicates;
        int conflicts;
        int rejected;
        int sent;

        Tally(Map<String, Path> files) {
            long total = 0;
            for (Map.Entry<String, Path> file : files.entrySet()) {
                long size = file.getValue().toFile().length();
                sizes.put(file.getKey(), size);
                total += size;
            }
            totalBytes = total;
        }

        void add(String key, ResumableTransport.Outcome outcome) {
            sent++;
            bytesDone += sizes.getOrDefault(key, 0L);
            switch (outcome.status()) {
                case "STORED" -> stored++;
                case "DUPLICATE" -> duplicates++;
                case "CONFLICT" -> conflicts++;
                default -> rejected++;
            }
            if (!outcome.stored()) {
                log.accept("not stored: " + key + ": " + outcome.status() + " " + outcome.reason());
            }
        }

        void reportProgress() {
            long now = System.nanoTime();
            if (now - lastReport >= progressEvery.toNanos()) {
                lastReport = now;
                log.accept(String.format(Locale.ROOT, "sent %d of %d files (%.1f of %.1f MB)", sent, sizes.size(),
                        bytesDone / 1e6, totalBytes / 1e6));
            }
        }
    }

    /** One file's outcome: remembered from an earlier run, or sent now; a failure stops the files not yet started. */
    private ResumableTransport.Outcome outcome(String sessionId, String key, Path file, String[] known,
                                               AtomicBoolean stopping, ExecutorService terminations)
            throws ResumableTransport.Unreachable, ResumableTransport.NotAuthorised {
        try {
            if (known != null && known[1].equals("DONE")) {
                String pending = state.undeleted(key);
                if (pending != null) {
                    terminations.execute(() -> deleteQuietly(key, URI.create(pending)));
                }
                return new ResumableTransport.Outcome(known[2], "", known.length > 4 ? known[4] : "", known[3]);
            }
            return send(sessionId, key, file, known, terminations);
        } catch (ResumableTransport.Unreachable | ResumableTransport.NotAuthorised | RuntimeException e) {
            stopping.set(true);
            throw e;
        }
    }

    private ResumableTransport.Outcome send(String sessionId, String key, Path file, String[] known,
                                            ExecutorService terminations)
            throws ResumableTransport.Unreachable, ResumableTransport.NotAuthorised {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI upload = known != null && known[1].equals("UPLOADING") ? URI.create(known[2]) : null;
        int failures = 0;
        while (true) {
            try {
                ResumableTransport.Progress at = null;
                if (upload == null) {
                    try {
                        upload = transport.create(sessionId, length);
                    } catch (ResumableTransport.Refused e) {
                        ResumableTransport.Outcome refused = new ResumableTransport.Outcome("REJECTED", "",
                                "REFUSED: " + e.getMessage(), null);
                        state.record(key, "DONE", refused.status(), "", nz(refused.reason()));
                        return refused;
                    }
                    state.record(key, "UPLOADING", upload.toString());
                    at = new ResumableTransport.Progress(false, 0, null); // a new upload starts at 0: no HEAD
                } else {
                    at = transport.head(upload);
                }
                if (at.gone()) {
                    upload = null;
                    continue;
                }
                while (at.outcome() == null) {
                    byte[] chunk = new byte[(int) Math.min(chunkSize, length - at.offset())];
                    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                        in.seek(at.offset());
                        in.readFully(chunk);
                    }
                    ResumableTransport.Progress next = transport.patch(upload, at.offset(), chunk, chunk.length);
                    if (next.gone()) {
                        break;
                    }
                    if (next.outcome() == null && next.offset() <= at.offset()) {
                        // refused and resynchronised (busy, another offset, damaged bytes): back off, then give up
                        throw new ResumableTransport.Unreachable("no progress at offset " + at.offset(), null);
                    }
                    at = next;
                    failures = 0;
                }
                if (at.outcome() == null) {
                    upload = null; // expired or deleted meanwhile: a new upload from the start
                    continue;
                }
                ResumableTransport.Outcome outcome = at.outcome();
                state.record(key, "DONE", outcome.status(), nz(outcome.sopInstanceUid()), nz(outcome.reason()));
                URI finished = upload;
                terminations.execute(() -> deleteQuietly(key, finished)); // the server keeps nothing of ours longer than needed
                return outcome;
            } catch (ResumableTransport.Unreachable e) {
                if (++failures > retries) {
                    throw e;
                }
                long wait = Math.min(10_000, 250L << Math.min(failures, 6));
                log.accept("server unreachable (" + e.getMessage() + "); retry " + failures + "/" + retries + " in "
                        + wait + " ms");
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Waits for the terminations still under way, so the state file says which ones the server confirmed. */
    private void awaitTerminations(ExecutorService terminations) throws ResumableTransport.Unreachable {
        terminations.shutdown();
        try {
            if (!terminations.awaitTermination(10, TimeUnit.MINUTES)) {
                terminations.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminations.shutdownNow();
            throw new ResumableTransport.Unreachable("interrupted", e);
        }
    }

    /** Deletes a finished upload; when the server is gone, the next run tries again (else it expires). */
    private void deleteQuietly(String key, URI upload) {
        try {
            transport.delete(upload);
            state.deleted(key, upload);
        } catch (ResumableTransport.Unreachable e) {
            log.accept("could not delete a finished upload now (" + e.getMessage() + "); the next run will");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
