package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The encoded native Pixel Data element at the very end of a little endian file. Located by arithmetic from the
 * image pixel module (rows x columns x samples x bits x frames) and then checked byte by byte, so it is used only
 * when nothing can follow it (no trailing private groups, padding or signatures).
 */
final class RawPixelElement {

    /** The whole file in memory, or null when the element is read from {@link #source} on demand. */
    private final byte[] file;
    private final Path source;
    private final long offset;
    private final long end;

    private RawPixelElement(byte[] file, Path source, long offset, long end) {
        this.file = file;
        this.source = source;
        this.offset = offset;
        this.end = end;
    }

    /** The element at {@code offset} up to {@code end}: in {@code file} when it is the whole file in memory, else read from {@code source}. */
    static RawPixelElement at(byte[] file, Path source, long offset, long end) {
        return new RawPixelElement(file, source, offset, end);
    }

    static RawPixelElement locate(byte[] file, AttributeList header, String ts) {
        return locate(file, file.length, null, header, ts);
    }

    /**
     * @param head   the whole file, or (with {@code source}) its first bytes, which must reach past the element header
     * @param length the file's length
     */
    static RawPixelElement locate(byte[] head, long length, Path source, AttributeList header, String ts) {
        if (!ts.isEmpty() && new TransferSyntax(ts).isEncapsulated()) {
            // the item chain is walked to the end of the file, so only a file fully in memory qualifies
            return source == null ? locateEncapsulated(head) : null;
        }
        RawPixelElement found = locateNative(head, length, header, ts);
        return found == null ? null : new RawPixelElement(source == null ? head : null, source, found.offset, length);
    }

    private static RawPixelElement locateNative(byte[] file, long fileLength, AttributeList header, String ts) {
        boolean explicit = TransferSyntax.ExplicitVRLittleEndian.equals(ts);
        if (!explicit && !TransferSyntax.ImplicitVRLittleEndian.equals(ts)) {
            return null;
        }
        long rows = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0);
        long cols = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0);
        long spp = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.SamplesPerPixel, 1);
        long bits = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.BitsAllocated, 0);
        long frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(header, TagFromName.NumberOfFrames, 1));
        if (rows <= 0 || cols <= 0 || (bits != 8 && bits != 16)) {
            return null;
        }
        long length = rows * cols * spp * frames * bits / 8;
        length += length & 1;
        int headerLength = explicit ? 12 : 8;
        long offset = fileLength - length - headerLength;
        if (offset < 132 || offset + headerLength > file.length) {
            return null;
        }
        int o = (int) offset;
        boolean tagMatches = (file[o] & 0xFF) == 0xE0 && (file[o + 1] & 0xFF) == 0x7F && file[o + 2] == 0x10 && file[o + 3] == 0;
        if (!tagMatches) {
            return null;
        }
        if (explicit) {
            boolean vrOk = file[o + 4] == 'O' && (file[o + 5] == 'W' || file[o + 5] == 'B') && file[o + 6] == 0 && file[o + 7] == 0;
            if (!vrOk || readInt(file, o + 8) != length) {
                return null;
            }
        } else if (readInt(file, o + 4) != length) {
            return null;
        }
        return new RawPixelElement(null, null, o, fileLength);
    }

    /**
     * Compressed pixel data: PixelMed would rewrite the fragments with an empty Basic Offset Table, so the element
     * is copied as is. It starts at the first (7FE0,0010) OB undefined-length header from which the chain of items
     * ends exactly at the end of the file with a sequence delimiter; anything else takes the full parse.
     */
    private static RawPixelElement locateEncapsulated(byte[] file) {
        byte[] start = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        outer:
        for (int o = 132; o <= file.length - start.length; o++) {
            for (int j = 0; j < start.length; j++) {
                if (file[o + j] != start[j]) {
                    continue outer;
                }
            }
            if (itemsEndAtEndOfFile(file, o + start.length)) {
                return new RawPixelElement(file, null, o, file.length);
            }
        }
        return null;
    }

    private static boolean itemsEndAtEndOfFile(byte[] b, int at) {
        long p = at;
        while (p + 8 <= b.length) {
            int group = (b[(int) p] & 0xFF) | (b[(int) p + 1] & 0xFF) << 8;
            int element = (b[(int) p + 2] & 0xFF) | (b[(int) p + 3] & 0xFF) << 8;
            long length = readInt(b, (int) p + 4);
            if (group != 0xFFFE) {
                return false;
            }
            if (element == 0xE0DD) {
                return length == 0 && p + 8 == b.length;
            }
            if (element != 0xE000 || length == 0xFFFFFFFFL) {
                return false;
            }
            p += 8 + length;
        }
        return false;
    }

    private static long readInt(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    void writeTo(OutputStream out) throws IOException {
        if (file != null) {
            out.write(file, (int) offset, (int) (end - offset));
            return;
        }
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            in.position(offset);
            java.nio.channels.Channels.newInputStream(in).transferTo(out);
        }
    }

    /** Into a file: the kernel copies the pixel bytes (copy_file_range), they never pass through the JVM. */
    void writeTo(FileChannel out) throws IOException {
        if (file != null) {
            ByteBuffer b = ByteBuffer.wrap(file, (int) offset, (int) (end - offset));
            while (b.hasRemaining()) {
                out.write(b);
            }
            return;
        }
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long position = offset;
            while (position < end) {
                long n = in.transferTo(position, end - position, out);
                if (n <= 0) {
                    throw new IOException("pixel data could not be copied (source shrank?)");
                }
                position += n;
            }
        }
    }

    private byte[] bytes() throws IOException {
        if (file != null) {
            return java.util.Arrays.copyOfRange(file, (int) offset, (int) end);
        }
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(end - offset));
            while (b.hasRemaining() && in.read(b, offset + b.position()) > 0) {
                // positional reads until full
            }
            return b.array();
        }
    }

    /** Decodes the element on its own (for Clean Pixel Data), using the data set's transfer syntax. */
    Attribute parse(String ts) throws IOException, DicomException {
        DicomInputStream din = new DicomInputStream(new ByteArrayInputStream(bytes()), ts, false);
        AttributeList one = new AttributeList();
        one.setDecompressPixelData(false);
        one.read(din);
        Attribute pixels = one.get(TagFromName.PixelData);
        if (pixels == null) {
            throw new DicomException("no pixel data element at the located offset");
        }
        return pixels;
    }
}
