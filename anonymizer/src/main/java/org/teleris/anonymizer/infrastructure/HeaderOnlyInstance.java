package org.teleris.anonymizer.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.teleris.anonymizer.domain.EditableDataSet;
import org.teleris.anonymizer.domain.ElementView;
import org.teleris.anonymizer.domain.ElementViews;
import org.teleris.anonymizer.domain.Tag;

/**
 * An instance read by the project's own {@link DataSetReader}: the attributes before the pixels, with the native
 * Pixel Data element copied byte for byte from the source on write. About ten times cheaper than a PixelMed parse
 * of the same header in a short-lived JVM (see docs/anonymizer.md); files it declines go to {@link PixelMedInstance}.
 */
public final class HeaderOnlyInstance implements DicomInstance {

    /** Attributes before the pixels of a typical file fit in the first read; a few more in the second. */
    private static final int FIRST_READ = 16 * 1024;
    /** Larger headers go to PixelMed. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final Tag SOP_CLASS = new Tag(0x0008, 0x0016);
    private static final Tag SOP_INSTANCE = new Tag(0x0008, 0x0018);
    private static final Tag BITS_STORED = new Tag(0x0028, 0x0101);

    private final DataSetNode dataSet;
    private final String transferSyntaxUid;
    private final RawPixelElement pixels;

    private HeaderOnlyInstance(DataSetNode dataSet, String transferSyntaxUid, RawPixelElement pixels) {
        this.dataSet = dataSet;
        this.transferSyntaxUid = transferSyntaxUid;
        this.pixels = pixels;
    }

    /** @return the instance, or null when the file is not one this reader handles (PixelMed reads it then) */
    public static HeaderOnlyInstance read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] head = in.readNBytes((int) Math.min(size, FIRST_READ));
            DataSetReader.Parsed parsed = DataSetReader.read(head, size);
            if (parsed == null && head.length == FIRST_READ && size > FIRST_READ) {
                // perhaps only cut short: read on, up to the limit, and parse again
                byte[] more = in.readNBytes((int) Math.min(size, HEAD_BYTES) - FIRST_READ);
                head = java.util.Arrays.copyOf(head, FIRST_READ + more.length);
                System.arraycopy(more, 0, head, FIRST_READ, more.length);
                parsed = DataSetReader.read(head, size);
            }
            return of(parsed, head.length == size ? head : null, file, size);
        }
    }

    /** @return the instance, or null when the bytes are not a file this reader handles */
    public static HeaderOnlyInstance read(byte[] file) {
        return of(DataSetReader.read(file, file.length), file, null, file.length);
    }

    private static HeaderOnlyInstance of(DataSetReader.Parsed parsed, byte[] wholeFile, Path source, long size) {
        if (parsed == null || parsed.dataSet().get(SOP_CLASS) == null || parsed.dataSet().get(SOP_INSTANCE) == null) {
            return null; // PixelMed names what is missing
        }
        RawPixelElement pixels = parsed.pixelElementOffset() < 0 ? null
                : RawPixelElement.at(wholeFile, wholeFile == null ? source : null, parsed.pixelElementOffset(), size);
        return new HeaderOnlyInstance(parsed.dataSet(), parsed.transferSyntaxUid(), pixels);
    }

    @Override
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    @Override
    public String string(Tag tag) {
        ElementNode e = dataSet.get(tag);
        if (e == null) {
            return "";
        }
        List<String> values = e.textValues();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            joined.append(i == 0 ? "" : "\\").append(values.get(i).trim());
        }
        return joined.toString();
    }

    @Override
    public String first(Tag tag) {
        ElementNode e = dataSet.get(tag);
        return e == null ? "" : e.firstValueTrimmed();
    }

    @Override
    public boolean hasAttribute(Tag tag) {
        return dataSet.get(tag) != null;
    }

    @Override
    public boolean hasPixelData() {
        return pixels != null;
    }

    @Override
    public boolean isEncapsulated() {
        return false; // this reader takes Explicit VR Little Endian only
    }

    @Override
    public boolean hasOverlayInPixelBits() {
        int stored = unsignedShort(dataSet.get(BITS_STORED), 16);
        for (int group = 0x6000; group <= 0x601E; group += 2) {
            ElementNode position = dataSet.get(new Tag(group, 0x0102));
            if (position != null && dataSet.get(new Tag(group, 0x3000)) == null && unsignedShort(position, -1) >= stored) {
                return true;
            }
        }
        return false;
    }

    private static int unsignedShort(ElementNode e, int otherwise) {
        if (e == null || !"US".equals(e.vr()) || e.value().length < 2) {
            return otherwise;
        }
        return (e.value()[0] & 0xFF) | (e.value()[1] & 0xFF) << 8;
    }

    @Override
    public EditableDataSet dataSet() {
        return dataSet;
    }

    @Override
    public List<ElementView> elementViews() {
        return ElementViews.of(dataSet);
    }

    @Override
    public EncodedInstance encode() {
        DataSetWriter.Encoded encoded = DataSetWriter.encode(dataSet, dataSet.get(SOP_CLASS).firstValueTrimmed(),
                dataSet.get(SOP_INSTANCE).firstValueTrimmed(), transferSyntaxUid);
        return new EncodedInstance(encoded.bytes(), pixels, null, encoded.dataSetStart());
    }
}
