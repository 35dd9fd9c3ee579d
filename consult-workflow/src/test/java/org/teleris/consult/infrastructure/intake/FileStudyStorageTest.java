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
import org.teleris.consult.domain.intake.InstanceHeader;

/** Atomic writes, conflict-safe names, path safety, and the sweep after a crash. */
class FileStudyStorageTest {

    @TempDir
    Path data;

    private static InstanceHeader header(String sop) {
        return new InstanceHeader(sop, "1.2.840.10008.5.1.4.1.1.2", "2.25.1", "2.25.2", "1.2.840.10008.1.2.1", "P1",
                "CT", 1, 1, null, null, 1);
    }

    @Test
    void writesUnderAContentNamedPathAndSweepsOrphans() throws Exception {
        FileStudyStorage storage = new FileStudyStorage(data.toString());
        String first = storage.write("org-1", header("2.25.3"), "a".repeat(64), new byte[] {1, 2, 3});
        String again = storage.write("org-1", header("2.25.3"), "a".repeat(64), new byte[] {1, 2, 3});
        String other = storage.write("org-1", header("2.25.3"), "b".repeat(64), new byte[] {9});
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
    void pathTricksAreRefused() {
        FileStudyStorage storage = new FileStudyStorage(data.toString());
        assertThrows(IllegalArgumentException.class,
                () -> storage.write("../etc", header("2.25.3"), "a".repeat(64), new byte[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> storage.write("org", header("2.25.3/../../x"), "a".repeat(64), new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("../../outside"));
    }
}
