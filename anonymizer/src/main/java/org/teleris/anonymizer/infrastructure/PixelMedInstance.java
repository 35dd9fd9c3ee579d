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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.teleris.anonymizer.domain.EditableDataSet;
import org.teleris.anonymizer.domain.ElementView;
import org.teleris.anonymizer.domain.ElementViews;
import org.teleris.anonymizer.domain.Tag;

/**
 * One instance parsed by PixelMed (an AttributeList behind a small API): any transfer syntax, and decoded pixels
 * for Clean Pixel Data. Pixel data is never decompressed on read, so compressed fragments are written back byte for
 * byte; the transfer syntax never changes.
 */
public final class PixelMedInstance implements DicomInstance {

    private static final String PREAMBLE_MAGIC = "DICM";
    /**
     * PixelMed logs parse problems through java.util.logging, sometimes with attribute values in the message. Logs
     * must never hold PHI, and every problem is reported through our own exceptions, so its logger is silenced.
     * Kept in a field: java.util.logging holds loggers weakly and would forget the level.
     */
    private static final Logger PIXELMED_LOG = silence(Logger.getLogger("com.pixelmed"));

    private static Logger silence(Logger logger) {
        logger.setLevel(Level.OFF);
        return logger;
    }

    private final AttributeList list;
    private final String transferSyntaxUid;
    /** Fast path: the untouched encoded Pixel Data element (the file's last element), copied to the output as is. */
    private final RawPixelElement rawPixels;
    private long bytesRead;

    private PixelMedInstance(AttributeList list, String transferSyntaxUid, RawPixelElement rawPixels) {
        this.list = list;
        this.transferSyntaxUid = transferSyntaxUid;
        this.rawPixels = rawPixels;
    }

    /**
     * Reads an instance whose bytes are in memory. When the native Pixel Data is the last element of a little endian
     * file, only the attributes before it are parsed and the pixel element is later copied byte for byte: pixels
     * are never decoded or re-encoded, and a 512x512 CT slice costs a header parse instead of a full one.
     */
    public static PixelMedInstance read(byte[] file) throws UnreadableDicomException, IOException {
        warmUpOnce();
        PixelMedInstance header = readHeader(file);
        if (header != null) {
            return header;
        }
        PixelMedInstance instance = read(new ByteArrayInputStream(file));
        boolean deflated = TransferSyntax.DeflatedExplicitVRLittleEndian.equals(instance.transferSyntaxUid);
        if (!deflated && instance.bytesRead > file.length) { // a deflated data set legitimately reads more than it stores
            // PixelMed logs a short read and returns what it has, counting the bytes it expected: a truncated upload.
            throw new UnreadableDicomException("the file is truncated: an attribute runs past the end of the data", false, null);
        }
        return instance;
    }

    /**
     * Initialises PixelMed (its dictionary, character sets, the collator of its string utilities, its logging
     * binding: about 70 ms of class initialisation) by encoding and parsing a tiny in-memory instance. The CLI runs
     * it on a second thread while it loads the profile, instead of the first file paying for it on the critical
     * path. Failures are ignored: this is only a warm-up, the real files report their own problems.
     */
    private static volatile boolean warm;

    /**
     * PixelMed's classes are initialised by one thread, once, before any parse: the CLI's workers only reach
     * PixelMed for files the own reader declines, and then possibly two at a time.
     */
    private static void warmUpOnce() {
        if (!warm) {
            warmUp();
        }
    }

    public static synchronized void warmUp() {
        if (warm) {
            return;
        }
        warm = true;
        warmUpParse();
    }

    private static void warmUpParse() {
        try {
            // Attribute classes named explicitly: putNewAttribute would load PixelMed's XML data dictionary (~0.2 s),
            // which reading and writing explicit VR files never needs.
            AttributeList list = new AttributeList();
            put(list, new com.pixelmed.dicom.CodeStringAttribute(TagFromName.SpecificCharacterSet), "ISO_IR 192");
            put(list, new com.pixelmed.dicom.UniqueIdentifierAttribute(TagFromName.SOPClassUID), "1.2.840.10008.5.1.4.1.1.2");
            put(list, new com.pixelmed.dicom.UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), "2.25.1");
            put(list, new com.pixelmed.dicom.PersonNameAttribute(TagFromName.PatientName), "WARM^UP");
            put(list, new com.pixelmed.dicom.LongStringAttribute(TagFromName.StudyDescription), "WARM UP");
            put(list, new com.pixelmed.dicom.DateAttribute(TagFromName.StudyDate), "20000101");
            put(list, new com.pixelmed.dicom.LongTextAttribute(TagFromName.ImageComments), "warm up");
            PixelMedInstance instance = new PixelMedInstance(list, TransferSyntax.ExplicitVRLittleEndian, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            instance.writeTo(out);
            PixelMedInstance parsed = read(new ByteArrayInputStream(out.toByteArray()));
            parsed.elementViews();
            parsed.encode();
        } catch (IOException | DicomException | UnreadableDicomException | RuntimeException e) {
            // only a warm-up
        }
    }

    private static void put(AttributeList list, Attribute a, String value) throws DicomException {
        a.addValue(value);
        list.put(a);
    }

    /** Attributes before the pixels of a typical file fit here; larger headers take the whole-file path. */
    private static final int HEAD_BYTES = 64 * 1024;

    /**
     * Reads an instance from a file. On the fast path only the first {@value #HEAD_BYTES} bytes are read; the
     * Pixel Data element is later copied file to file by the kernel.
     */
    public static PixelMedInstance read(Path file) throws UnreadableDicomException, IOException {
        warmUpOnce();
        long size = Files.size(file);
        if (size > HEAD_BYTES) {
            byte[] head = new byte[HEAD_BYTES];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, HEAD_BYTES);
                if (n == HEAD_BYTES) {
                    PixelMedInstance fast = readHeader(head, size, file);
                    if (fast != null) {
                        return fast;
                    }
                }
            }
        }
        return read(Files.readAllBytes(file));
    }

    private static PixelMedInstance readHeader(byte[] file) throws IOException {
        return readHeader(file, file.length, null);
    }

    private static PixelMedInstance readHeader(byte[] file, long length, Path source) throws IOException {
        if (file.length < 132 || !new String(file, 128, 4, StandardCharsets.US_ASCII).equals(PREAMBLE_MAGIC)) {
            return null;
        }
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try {
            DicomInputStream din = new DicomInputStream(new ByteArrayInputStream(file));
            list.read(din, TagFromName.PixelData);
            String ts = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID).trim();
            RawPixelElement raw = RawPixelElement.locate(file, length, source, list, ts);
            if (raw == null || Attribute.getSingleStringValueOrNull(list, TagFromName.SOPInstanceUID) == null
                    || Attribute.getSingleStringValueOrNull(list, TagFromName.SOPClassUID) == null) {
                return null; // anything unusual goes through the full parse
            }
            return new PixelMedInstance(list, ts, raw);
        } catch (DicomException | RuntimeException e) {
            return null;
        }
    }

    public static PixelMedInstance read(InputStream raw) throws UnreadableDicomException, IOException {
        warmUpOnce();
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(200);
        byte[] head = in.readNBytes(132);
        in.reset();
        boolean hasPreamble = head.length == 132 && new String(head, 128, 4, StandardCharsets.US_ASCII).equals(PREAMBLE_MAGIC);
        if (!hasPreamble && !looksLikeRawDataSet(head)) {
            throw new UnreadableDicomException("not a DICOM file (no DICM preamble and no plausible data set start)", true, null);
        }
        AttributeList list = new AttributeList();
        // Keep compressed pixel data as fragments: decompressing would force us to re-encode (DESIGN.md pitfall).
        list.setDecompressPixelData(false);
        try {
            DicomInputStream din = new DicomInputStream(in);
            long bytesRead = list.read(din);
            String ts = din.getTransferSyntaxToReadDataSet().getUID();
            String metaTs = Attribute.getSingleStringValueOrNull(list, TagFromName.TransferSyntaxUID);
            if (metaTs != null && !metaTs.isBlank()) {
                ts = metaTs.trim();
            }
            if (Attribute.getSingleStringValueOrNull(list, TagFromName.SOPClassUID) == null
                    || Attribute.getSingleStringValueOrNull(list, TagFromName.SOPInstanceUID) == null) {
                throw new UnreadableDicomException("DICOM data set without SOP Class UID or SOP Instance UID", false, null);
            }
            String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID).trim();
            if (com.pixelmed.dicom.SOPClass.isImageStorage(sopClass) && list.getPixelData() == null) {
                // PixelMed stops quietly at end of input: an image without pixels is a truncated upload, not an image.
                throw new UnreadableDicomException("an image instance without Pixel Data (truncated, or header only) "
                        + "cannot be used for a consultation", false, null);
            }
            PixelMedInstance instance = new PixelMedInstance(list, ts, null);
            instance.bytesRead = bytesRead;
            return instance;
        } catch (DicomException | RuntimeException e) {
            throw new UnreadableDicomException("DICOM file cannot be parsed: " + e.getClass().getSimpleName(), false, e);
        }
    }

    /** A file without preamble must start with a group 0002 or 0008 element (explicit or implicit VR, little endian). */
    private static boolean looksLikeRawDataSet(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        int little = (head[0] & 0xFF) | ((head[1] & 0xFF) << 8);
        int big = ((head[0] & 0xFF) << 8) | (head[1] & 0xFF);
        return plausibleFirstGroup(little) || plausibleFirstGroup(big);
    }

    /** Raw data sets (no preamble) start with a low even group: meta, identification, patient or study. */
    private static boolean plausibleFirstGroup(int group) {
        return group >= 0x0002 && group <= 0x0020 && (group & 1) == 0;
    }

    AttributeList list() {
        return list;
    }

    @Override
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    @Override
    public boolean isEncapsulated() {
        return new TransferSyntax(transferSyntaxUid).isEncapsulated();
    }

    @Override
    public boolean hasPixelData() {
        return rawPixels != null || list.get(TagFromName.PixelData) != null;
    }

    /**
     * Pixel cleaning needs decoded samples: switch a fast-path instance to a fully parsed one (same attributes,
     * already de-identified ones included, since the pixel element is parsed from the original bytes on its own).
     */
    public void loadPixelData() throws UnreadableDicomException {
        if (rawPixels == null || list.get(TagFromName.PixelData) != null) {
            return;
        }
        try {
            list.put(rawPixels.parse(transferSyntaxUid));
        } catch (IOException | DicomException e) {
            throw new UnreadableDicomException("pixel data cannot be parsed: " + e.getClass().getSimpleName(), false, e);
        }
    }

    @Override
    public String string(Tag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, PixelMedTags.toPixelMed(tag));
    }

    @Override
    public boolean hasOverlayInPixelBits() {
        int stored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, 16);
        for (int group = 0x6000; group <= 0x601E; group += 2) {
            Attribute position = list.get(new AttributeTag(group, 0x0102));
            if (position != null && list.get(new AttributeTag(group, 0x3000)) == null
                    && position.getSingleIntegerValueOrDefault(-1) >= stored) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String first(Tag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, PixelMedTags.toPixelMed(tag)).trim();
    }

    @Override
    public boolean hasAttribute(Tag tag) {
        return list.get(PixelMedTags.toPixelMed(tag)) != null;
    }

    @Override
    public EditableDataSet dataSet() {
        list.removeMetaInformationHeaderAttributes();
        return new PixelMedDataSet(list);
    }

    @Override
    public List<ElementView> elementViews() {
        return ElementViews.of(new PixelMedDataSet(list));
    }

    /** Writes the whole instance as a Part 10 file in its original transfer syntax. */
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, transferSyntaxUid);
    }

    private void writeTo(OutputStream out, String ts) throws IOException {
        try {
            list.removeMetaInformationHeaderAttributes();
            String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
            String sopInstance = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
            AttributeList meta = new FileMetaInformation(sopClass, sopInstance, ts, null).getAttributeList();
            list.putAll(meta);
            list.write(out, ts, true, true);
        } catch (DicomException e) {
            throw new IOException("PixelMed could not encode the data set: " + e.getMessage(), e);
        }
    }

    /**
     * Encodes the instance for writing. {@link EncodedInstance#searchableBytes()} is what the raw-byte verifier searches;
     * on the fast path it is exactly the written data set, followed by the original pixel element bytes.
     */
    @Override
    public EncodedInstance encode() throws IOException {
        // A deflated data set hides its text from a byte search: the verifier gets the same attributes uncompressed.
        boolean deflated = TransferSyntax.DeflatedExplicitVRLittleEndian.equals(transferSyntaxUid);
        String searchable = deflated ? TransferSyntax.ExplicitVRLittleEndian : transferSyntaxUid;
        Attribute pixels = list.get(TagFromName.PixelData);
        if (pixels == null && !deflated) {
            byte[] header = encodeList(transferSyntaxUid);
            return new EncodedInstance(header, rawPixels, null, dataSetStart(header));
        }
        if (pixels != null) {
            list.remove(TagFromName.PixelData);
        }
        byte[] header;
        try {
            header = encodeList(searchable);
        } finally {
            if (pixels != null) {
                list.put(pixels);
            }
        }
        return new EncodedInstance(header, null, encodeList(transferSyntaxUid), dataSetStart(header));
    }

    /** Where the data set starts after preamble and meta header (whose values are all generated by us). */
    private static int dataSetStart(byte[] encoded) {
        if (encoded.length < 144) {
            return 0;
        }
        long groupLength = (encoded[140] & 0xFFL) | (encoded[141] & 0xFFL) << 8 | (encoded[142] & 0xFFL) << 16
                | (encoded[143] & 0xFFL) << 24;
        long start = 144 + groupLength;
        return start <= encoded.length ? (int) start : 0;
    }

    private byte[] encodeList(String ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writeTo(out, ts);
        return out.toByteArray();
    }


    static AttributeTag tag(int group, int element) {
        return new AttributeTag(group, element);
    }
}
