package org.teleris.anonymizer.infrastructure;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An encoded instance ready to be written: the data set bytes and, on the fast path, the untouched pixel element. */
public final class EncodedInstance {

    private final byte[] withoutPixelData;
    private final RawPixelElement rawPixels;
    private final byte[] whole;
    private final int dataSetStart;

    EncodedInstance(byte[] header, RawPixelElement rawPixels, byte[] whole, int dataSetStart) {
        this.withoutPixelData = header;
        this.rawPixels = rawPixels;
        this.whole = whole;
        this.dataSetStart = dataSetStart;
    }

    /** The encoded data set without meta header and Pixel Data value: what the raw-byte verifier searches. */
    public byte[] searchableBytes() {
        return java.util.Arrays.copyOfRange(withoutPixelData, dataSetStart, withoutPixelData.length);
    }

    /** Writes into a new or truncated file; pixel bytes are copied by the kernel on the fast path. */
    public void writeTo(Path target) throws IOException {
        try (FileChannel out = FileChannel.open(target,
                StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, whole != null ? whole : withoutPixelData);
            if (whole == null && rawPixels != null) {
                rawPixels.writeTo(out);
            }
        }
    }

    private static void write(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    public void writeTo(OutputStream out) throws IOException {
        if (whole != null) {
            out.write(whole);
            return;
        }
        out.write(withoutPixelData);
        if (rawPixels != null) {
            rawPixels.writeTo(out);
        }
    }
}
