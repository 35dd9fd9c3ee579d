package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.teleris.anonymizer.domain.ElementView;
import org.teleris.anonymizer.domain.Tag;

/**
 * One parsed DICOM instance (a PixelMed AttributeList behind a small API). Pixel data is never decompressed on
 * read, so compressed fragments are written back byte for byte; the transfer syntax never changes.
 */
public final class DicomInstance {

    private static final String PREAMBLE_MAGIC = "DICM";
    private final AttributeList list;
    private final String transferSyntaxUid;

    private DicomInstance(AttributeList list, String transferSyntaxUid) {
        this.list = list;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public static DicomInstance read(InputStream raw) throws UnreadableDicomException, IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(200);
        byte[] head = in.readNBytes(132);
        in.reset();
        boolean hasPreamble = head.length == 132 && new String(head, 128, 4, java.nio.charset.StandardCharsets.US_ASCII).equals(PREAMBLE_MAGIC);
        if (!hasPreamble && !looksLikeRawDataSet(head)) {
            throw new UnreadableDicomException("not a DICOM file (no DICM preamble and no plausible data set start)", true, null);
        }
        AttributeList list = new AttributeList();
        // Keep compressed pixel data as fragments: decompressing would force us to re-encode (DESIGN.md pitfall).
        list.setDecompressPixelData(false);
        try {
            DicomInputStream din = new DicomInputStream(in);
            list.read(din);
            String ts = din.getTransferSyntaxToReadDataSet().getUID();
            String metaTs = Attribute.getSingleStringValueOrNull(list, TagFromName.TransferSyntaxUID);
            if (metaTs != null && !metaTs.isBlank()) {
                ts = metaTs.trim();
            }
            if (Attribute.getSingleStringValueOrNull(list, TagFromName.SOPClassUID) == null
                    || Attribute.getSingleStringValueOrNull(list, TagFromName.SOPInstanceUID) == null) {
                throw new UnreadableDicomException("DICOM data set without SOP Class UID or SOP Instance UID", false, null);
            }
            return new DicomInstance(list, ts);
        } catch (DicomException | RuntimeException e) {
            throw new UnreadableDicomException("DICOM file cannot be parsed: " + e.getClass().getSimpleName(), false, e);
        }
    }

    /** A file without preamble must start with a group 0002 or 0008 element (explicit or implicit VR, little endian). */
    private static boolean looksLikeRawDataSet(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        int group = (head[0] & 0xFF) | ((head[1] & 0xFF) << 8);
        return group == 0x0002 || group == 0x0008;
    }

    AttributeList list() {
        return list;
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    public boolean isEncapsulated() {
        return new TransferSyntax(transferSyntaxUid).isEncapsulated();
    }

    public boolean hasPixelData() {
        return list.get(TagFromName.PixelData) != null;
    }

    /** A top-level value as text, or "" (for decisions such as modality, never for logging). */
    public String string(Tag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, PixelMedTags.toPixelMed(tag));
    }

    public List<ElementView> elementViews() {
        return ElementViews.of(list);
    }

    /** Writes the whole instance as a Part 10 file in its original transfer syntax. */
    public void writeTo(OutputStream out) throws IOException {
        try {
            list.removeMetaInformationHeaderAttributes();
            String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
            String sopInstance = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
            AttributeList meta = new FileMetaInformation(sopClass, sopInstance, transferSyntaxUid, null).getAttributeList();
            list.putAll(meta);
            list.write(out, transferSyntaxUid, true, true);
        } catch (DicomException e) {
            throw new IOException("PixelMed could not encode the data set: " + e.getMessage(), e);
        }
    }

    public byte[] encode() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writeTo(out);
        return out.toByteArray();
    }

    /** The encoded file without the Pixel Data element: what the raw-byte verifier searches. */
    public byte[] encodeWithoutPixelData() throws IOException {
        Attribute pixels = list.remove(TagFromName.PixelData);
        try {
            return encode();
        } finally {
            if (pixels != null) {
                list.put(pixels);
            }
        }
    }

    static AttributeTag tag(int group, int element) {
        return new AttributeTag(group, element);
    }
}
