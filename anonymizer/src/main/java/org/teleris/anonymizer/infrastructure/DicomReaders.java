package org.teleris.anonymizer.infrastructure;

import java.io.IOException;
import java.nio.file.Path;

/** Opens an instance with the own header reader first and PixelMed for what it declines, or with PixelMed only. */
public final class DicomReaders {

    private DicomReaders() {
    }

    public static DicomInstance read(Path file, boolean ownReaderFirst) throws UnreadableDicomException, IOException {
        DicomInstance own = ownReaderFirst ? HeaderOnlyInstance.read(file) : null;
        return own != null ? own : PixelMedInstance.read(file);
    }

    public static DicomInstance read(byte[] bytes, boolean ownReaderFirst) throws UnreadableDicomException, IOException {
        DicomInstance own = ownReaderFirst ? HeaderOnlyInstance.read(bytes) : null;
        return own != null ? own : PixelMedInstance.read(bytes);
    }
}
