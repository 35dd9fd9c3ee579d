package org.teleris.consult.infrastructure.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
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
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[0-9A-Za-z.\\-]{1,64}");
    private static final AtomicLong COUNTER = new AtomicLong();

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    protected FileStudyStorage() {
    }

    FileStudyStorage(String dataDir) {
        this.dataDir = dataDir;
    }

    private Path root() {
        return Path.of(dataDir, "studies").toAbsolutePath();
    }

    @Override
    public String write(String organisationId, InstanceHeader h, String sha256, byte[] bytes) throws IOException {
        String relative = String.join("/", segment(organisationId), segment(h.studyInstanceUid()),
                segment(h.seriesInstanceUid()), segment(h.sopInstanceUid()) + "." + sha256.substring(0, 12) + ".dcm");
        Path target = root().resolve(relative);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
        return relative;
    }

    /** A rename is durable only once its directory is: fsync it (where the platform allows). */
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
                    .toList();
        }
        for (Path orphan : orphans) {
            Files.deleteIfExists(orphan);
        }
        return orphans.size();
    }

    /** UIDs and ids are path segments: anything else is refused rather than escaped. */
    static String segment(String value) {
        if (value == null || !SAFE_SEGMENT.matcher(value).matches() || value.startsWith(".")) {
            throw new IllegalArgumentException("not usable as a storage path segment");
        }
        return value;
    }
}
