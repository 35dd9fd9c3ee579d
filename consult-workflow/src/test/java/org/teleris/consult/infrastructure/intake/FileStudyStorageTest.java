package org.teleris.consult.infrastructure.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.consult.application.intake.StudyStorage;
import org.teleris.consult.domain.intake.InstanceHeader;

/** Atomic writes, conflict-safe names, path safety, and the sweep after a crash. */
class FileStudyStorageTest {

    @TempDir
    Path data;

    private static InstanceHeader header(String sop) {
        return new InstanceHeader(sop, "1.2.840.10008.5.1.4.1.1.2", "2.25.1", "2.25.2", "1.2.840.10008.1.2.1", "P1",
                "CT", 1, 1, null, null, 1);
    }

    /** Stages the bytes and publishes them, as the intake does. */
    private static String store(FileStudyStorage storage, String organisationId, InstanceHeader h, String sha256,
                                byte[] bytes) throws java.io.IOException {
        return storage.publish(organisationId, h, sha256, staged(storage, bytes), new StudyStorage.Timings());
    }

    private static Path staged(FileStudyStorage storage, byte[] bytes) throws java.io.IOException {
        return Files.write(storage.stagingFile(), bytes);
    }

    @Test
    void writesUnderAContentNamedPathAndSweepsOrphans() throws Exception {
        FileStudyStorage storage = new FileStudyStorage(data.toString(), Long.MAX_VALUE);
        String first = store(storage, "org-1", header("2.25.3"), "a".repeat(64), new byte[] {1, 2, 3});
        String again = store(storage, "org-1", header("2.25.3"), "a".repeat(64), new byte[] {1, 2, 3});
        String other = store(storage, "org-1", header("2.25.3"), "b".repeat(64), new byte[] {9});
        assertEquals(first, again, "the same content lands on the same name");
        assertFalse(first.equals(other), "another content never overwrites the first");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(storage.resolve(first)));

        // a crash left a temp file and a file no row points to
        Path dir = storage.resolve(first).getParent();
        Files.write(dir.resolve(".x.dcm.123-1.part"), new byte[] {7});
        assertEquals(2, storage.sweep(Set.of(first)));
        assertTrue(Files.exists(storage.resolve(first)));
        assertFalse(Files.exists(storage.resolve(other)));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void publishingLinksTheStagedFileWithoutReplacingAnExistingOne() throws Exception {
        FileStudyStorage storage = new FileStudyStorage(data.toString(), Long.MAX_VALUE);
        Path staged = staged(storage, new byte[] {1, 2, 3});
        StudyStorage.Timings timings = new StudyStorage.Timings();
        String path = storage.publish("org-1", header("2.25.3"), "c".repeat(64), staged, timings);
        assertFalse(Files.exists(staged), "the staged name is gone");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(storage.resolve(path)));
        assertTrue(timings.fileFsync > 0);

        // the same name again (the same content for another case): the first file stays, untouched
        Path second = staged(storage, new byte[] {1, 2, 3});
        long inode = (Long) Files.getAttribute(storage.resolve(path), "unix:ino");
        assertEquals(path, storage.publish("org-1", header("2.25.3"), "c".repeat(64), second, timings));
        assertEquals(inode, (Long) Files.getAttribute(storage.resolve(path), "unix:ino"));
        assertFalse(Files.exists(second));

        // a staged file left by a crash is swept with the rest
        Files.write(storage.stagingFile(), new byte[] {4});
        assertEquals(1, storage.sweep(Set.of(path)));
        assertTrue(Files.exists(storage.resolve(path)));
    }

    /** The intake links, prepares its row while the fsyncs run, and awaits them before the commit. */
    @Test
    void aLinkedFileIsInPlaceAtOnceAndAwaitingItsFsyncsFillsTheirTimings() throws Exception {
        FileStudyStorage storage = new FileStudyStorage(data.toString(), Long.MAX_VALUE);
        Path staged = staged(storage, new byte[] {5, 6, 7});
        StudyStorage.Timings timings = new StudyStorage.Timings();
        StudyStorage.Publication publication = storage.link("org-1", header("2.25.4"), "d".repeat(64), staged, timings);
        assertFalse(Files.exists(staged), "the staged name is gone");
        assertArrayEquals(new byte[] {5, 6, 7}, Files.readAllBytes(storage.resolve(publication.path())));
        assertEquals(0, timings.fileFsync, "nothing awaited yet");
        publication.awaitDurable();
        assertTrue(timings.fileFsync > 0 && timings.awaited >= 0, "the fsync's own time is known once awaited");
        publication.awaitDurable(); // a second wait (the intake's retry after a race) returns at once
        assertEquals(publication.path(), storage.publish("org-1", header("2.25.4"), "d".repeat(64),
                staged(storage, new byte[] {5, 6, 7}), timings));
    }

    @Test
    void theSweepLeavesFilesWrittenSinceTheProcessStarted() throws Exception {
        FileStudyStorage storage = new FileStudyStorage(data.toString(), System.currentTimeMillis() - 60_000);
        String fresh = store(storage, "org-1", header("2.25.3"), "a".repeat(64), new byte[] {1});
        assertEquals(0, storage.sweep(Set.of()), "published a moment ago; its row is about to commit");
        Files.setLastModifiedTime(storage.resolve(fresh),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        assertEquals(1, storage.sweep(Set.of()), "left by an earlier process: an orphan");
    }

    @Test
    void pathTricksAreRefused() {
        FileStudyStorage storage = new FileStudyStorage(data.toString());
        assertThrows(IllegalArgumentException.class,
                () -> store(storage, "../etc", header("2.25.3"), "a".repeat(64), new byte[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> store(storage, "org", header("2.25.3/../../x"), "a".repeat(64), new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("../../outside"));
    }
}
