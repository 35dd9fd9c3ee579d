package org.teleris.consult.infrastructure.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.teleris.consult.application.intake.StudyStorage;
import org.teleris.consult.domain.intake.InstanceHeader;

/**
 * De-identified instances as files: {@code <data>/studies/<organisation>/<study>/<series>/<sop>.<sha12>.dcm}.
 * The content hash in the name means a conflicting second version never overwrites the first, and
 * the same content written twice lands on the same name.
 */
@ApplicationScoped
public class FileStudyStorage implements StudyStorage {

    static final String TEMP_SUFFIX = ".part";
    /** Where instances are prepared before they are published under their content name (same file system). */
    static final String STAGING = ".staging";
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[0-9A-Za-z.\\-]{1,64}");
    private static final AtomicLong COUNTER = new AtomicLong();

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    /** The sweep leaves files written since then alone (epoch millis; the process start by default). */
    private final long sweepWrittenBefore;

    protected FileStudyStorage() {
        this.sweepWrittenBefore = ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    FileStudyStorage(String dataDir) {
        this(dataDir, ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    FileStudyStorage(String dataDir, long sweepWrittenBefore) {
        this.dataDir = dataDir;
        this.sweepWrittenBefore = sweepWrittenBefore;
    }

    private Path root() {
        return Path.of(dataDir, "studies").toAbsolutePath();
    }

    @Override
    public Path stagingFile() throws IOException {
        Path dir = root().resolve(STAGING);
        Files.createDirectories(dir);
        return dir.resolve(ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + TEMP_SUFFIX);
    }

    /**
     * Links a staged file under its content name and starts making it durable, in the order that
     * needs one journal commit: hard link to the final name (never replacing a file that is there),
     * then one fsync of the file (on ext4 it commits the link with the data) and the directory's
     * fsync (required by POSIX for the name; cheap once the journal is committed), side by side on
     * other threads while the caller prepares the index row. No temp-file rename: a name that appears
     * before its data is durable is harmless because nothing points to it until the index row
     * commits, which happens only after {@link Publication#awaitDurable()}, and a crash before that
     * leaves a file no row names, which the start-up sweep removes (docs/intake.md, "After a crash").
     */
    @Override
    public Publication link(String organisationId, InstanceHeader h, String sha256, Path staged, Timings timings)
            throws IOException {
        String relative = String.join("/", segment(organisationId), segment(h.studyInstanceUid()),
                segment(h.seriesInstanceUid()), segment(h.sopInstanceUid()) + "." + sha256.substring(0, 12) + ".dcm");
        Path target = root().resolve(relative);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        try {
            Files.createLink(target, staged);
        } catch (FileAlreadyExistsException sameName) {
            // The same content under the same name (another case's copy, or a parallel receiver of
            // this one): it stays as it is, and is forced below, whoever wrote it.
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            // a file system without hard links: an atomic rename, which replaces only what is
            // certainly the same content (checked just before; a race here replaces it by a copy)
            if (!Files.exists(target)) {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.deleteIfExists(staged);
        long linked = System.nanoTime();
        // Run side by side, the file system commits both fsyncs together (ext4: one journal commit
        // instead of a commit and a second flush).
        Future<?> directory = FSYNC.submit(() -> forceDirectory(dir));
        Future<Long> file = FSYNC.submit(() -> {
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
                channel.force(true);
            }
            return System.nanoTime();
        });
        return new Publication() {
            @Override
            public String path() {
                return relative;
            }

            @Override
            public void awaitDurable() throws IOException {
                long waiting = System.nanoTime();
                long forced = await(file, "file fsync failed");
                await(directory, "directory fsync failed");
                timings.fileFsync = forced - linked;
                timings.awaited = System.nanoTime() - waiting;
            }
        };
    }

    /** The fsyncs of published files: plain I/O, no container context. */
    private static final ExecutorService FSYNC = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "study-store-fsync");
        t.setDaemon(true);
        return t;
    });

    /** The result of an fsync; an interrupt does not end the wait, since the caller may commit only after it. */
    private static <T> T await(Future<T> fsync, String failure) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return fsync.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IOException(failure, e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A new name is durable only once its directory is: fsync it (where the platform allows). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported on every file system; the data itself is on disk already
        }
    }

    @Override
    public Path resolve(String relativePath) {
        Path resolved = root().resolve(relativePath).normalize();
        if (!resolved.startsWith(root())) {
            throw new IllegalArgumentException("not a path of the study store");
        }
        return resolved;
    }

    @Override
    public void delete(String relativePath) {
        try {
            Files.deleteIfExists(resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes temp and staged files and files no index row points to, but only those last written
     * before this process started: the sweep runs while the DICOM listener may already be
     * receiving, and a file published a moment ago gets its index row a moment later.
     */
    @Override
    public int sweep(Set<String> indexedPaths) throws IOException {
        if (!Files.isDirectory(root())) {
            return 0;
        }
        List<Path> orphans;
        try (Stream<Path> files = Files.walk(root())) {
            orphans = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(TEMP_SUFFIX)
                            || !indexedPaths.contains(root().relativize(f).toString().replace('\\', '/')))
                    .filter(this::writtenBeforeStart)
                    .toList();
        }
        for (Path orphan : orphans) {
            Files.deleteIfExists(orphan);
        }
        return orphans.size();
    }

    private boolean writtenBeforeStart(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() < sweepWrittenBefore;
        } catch (IOException gone) {
            return false;
        }
    }

    /** UIDs and ids are path segments: anything else is refused rather than escaped. */
    static String segment(String value) {
        if (value == null || !SAFE_SEGMENT.matcher(value).matches() || value.startsWith(".")) {
            throw new IllegalArgumentException("not usable as a storage path segment");
        }
        return value;
    }
}
