package org.teleris.consult.application.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A zip of a study, unpacked one entry at a time into one scratch file that each entry overwrites.
 * Entry names never become paths (no traversal possible) and an entry named like a traversal is refused
 * anyway; the inflated bytes are counted as they come (declared sizes are not trusted), per entry, in
 * total and against the compressed size, so a decompression bomb stops early with a reason.
 */
public final class ZipUnpacking {

    /** One entry written to the scratch file: handle it, the file is overwritten afterwards. */
    @FunctionalInterface
    public interface EntryHandler {
        FileOutcome receive(int entry, Path file);
    }

    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
        public static Limits standard() {
            return new Limits(20_000, 256L << 20, 16L << 30, 200);
        }
    }

    private ZipUnpacking() {
    }

    /** Local file header magic: PK\3\4. */
    public static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    public static List<FileOutcome> unpack(Path zip, Path scratch, Limits limits, EntryHandler handler)
            throws IOException {
        List<FileOutcome> outcomes = new ArrayList<>();
        long compressed = Files.size(zip);
        long total = 0;
        int entry = 0;
        byte[] buffer = new byte[65_536];
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                entry++;
                if (entry > limits.maxEntries()) {
                    outcomes.add(FileOutcome.rejected(entry, "ZIP_TOO_MANY_ENTRIES",
                            "The zip holds more than " + limits.maxEntries() + " files; the rest was not read."));
                    break;
                }
                if (unsafe(e.getName())) {
                    outcomes.add(FileOutcome.rejected(entry, "UNSAFE_ENTRY_NAME",
                            "The zip entry's name leaves the archive (absolute or '..'); not unpacked."));
                    continue;
                }
                long size = 0;
                boolean tooLarge = false;
                try (OutputStream out = Files.newOutputStream(scratch)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        total += n;
                        if (size > limits.maxEntryBytes()) {
                            tooLarge = true;
                            break;
                        }
                        if (total > limits.maxTotalBytes() || total > limits.maxRatio() * compressed + (1L << 20)) {
                            outcomes.add(FileOutcome.rejected(entry, "ZIP_BOMB", "The zip inflates to more than "
                                    + "the limit (" + limits.maxRatio() + " times its size or "
                                    + (limits.maxTotalBytes() >> 20) + " MiB); unpacking stopped."));
                            return outcomes;
                        }
                        out.write(buffer, 0, n);
                    }
                }
                if (tooLarge) {
                    outcomes.add(FileOutcome.rejected(entry, "TOO_LARGE", "A zip entry is larger than "
                            + (limits.maxEntryBytes() >> 20) + " MiB; not unpacked."));
                    continue;
                }
                outcomes.add(handler.receive(entry, scratch));
            }
        } catch (ZipException | java.io.EOFException e) {
            outcomes.add(FileOutcome.rejected(entry + 1, "BAD_ZIP",
                    "The zip is damaged or cut short; the entries before it were read."));
        } finally {
            Files.deleteIfExists(scratch);
        }
        if (outcomes.isEmpty()) {
            outcomes.add(FileOutcome.rejected(0, "EMPTY_ZIP", "The zip holds no file."));
        }
        return outcomes;
    }

    static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.equals("..") || n.startsWith("../")
                || n.contains("/../") || n.endsWith("/..") || n.indexOf('\0') >= 0;
    }
}
