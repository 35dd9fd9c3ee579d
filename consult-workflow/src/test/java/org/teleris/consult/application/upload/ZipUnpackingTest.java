package org.teleris.consult.application.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipUnpackingTest {

    @TempDir
    Path temp;

    private Path zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes());
            }
        }
        return Files.write(temp.resolve("study.zip"), bytes.toByteArray());
    }

    @Test
    void entriesReachTheHandlerByPositionAndTraversalNamesNever() throws Exception {
        Path zip = zip("a/IM1", "one", "../../etc/passwd", "evil", "/abs", "evil", "C:\\win", "evil", "b/IM2", "two");
        assertTrue(ZipUnpacking.isZip(zip));
        List<String> seen = new ArrayList<>();
        List<FileOutcome> outcomes = ZipUnpacking.unpack(zip, temp.resolve("entry.part"), ZipUnpacking.Limits.standard(),
                (entry, file) -> {
                    try {
                        seen.add(entry + "=" + Files.readString(file));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return new FileOutcome(entry, "STORED", "1.2." + entry, null, null);
                });
        assertEquals(List.of("1=one", "5=two"), seen);
        assertEquals(List.of("STORED", "REJECTED", "REJECTED", "REJECTED", "STORED"),
                outcomes.stream().map(FileOutcome::status).toList());
        assertEquals("UNSAFE_ENTRY_NAME", outcomes.get(1).reasonCode());
        assertFalse(Files.exists(temp.resolve("entry.part")), "the scratch file is gone");
        assertFalse(Files.exists(temp.resolve("etc")));
    }

    @Test
    void aBombStopsEarlyAndOversizedEntriesAreRefused() throws Exception {
        Path zip = zip("IM1", "x".repeat(3_000_000), "IM2", "small");
        List<FileOutcome> bomb = ZipUnpacking.unpack(zip, temp.resolve("e.part"),
                new ZipUnpacking.Limits(100, 1L << 30, 1L << 30, 10), (e, f) -> new FileOutcome(e, "STORED", null, null, null));
        assertEquals(1, bomb.size());
        assertEquals("ZIP_BOMB", bomb.get(0).reasonCode());

        List<FileOutcome> big = ZipUnpacking.unpack(zip, temp.resolve("e.part"),
                new ZipUnpacking.Limits(100, 1 << 20, 1L << 30, 100_000), (e, f) -> new FileOutcome(e, "STORED", null, null, null));
        assertEquals(java.util.Arrays.asList("TOO_LARGE", null), big.stream().map(FileOutcome::reasonCode).toList());

        Path cut = Files.write(temp.resolve("cut.zip"), java.util.Arrays.copyOf(Files.readAllBytes(zip), 40));
        List<FileOutcome> damaged = ZipUnpacking.unpack(cut, temp.resolve("e.part"), ZipUnpacking.Limits.standard(),
                (e, f) -> new FileOutcome(e, "STORED", null, null, null));
        assertEquals("BAD_ZIP", damaged.get(damaged.size() - 1).reasonCode());
        assertFalse(ZipUnpacking.isZip(Files.write(temp.resolve("x.dcm"), new byte[200])));
    }
}
