package org.teleris.anonymizer.infrastructure;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teleris.anonymizer.domain.Tag;

/**
 * The project's own reader for the common case: a Part 10 file in Explicit VR Little Endian whose native Pixel Data,
 * if any, is its last element. It reads the attributes before the pixels into {@link DataSetNode}s and locates the
 * pixel element, which is later copied byte for byte. Anything else (other transfer syntaxes, code extensions,
 * public elements sent as UN, group lengths, unsorted or malformed elements, trailing data) is declined with
 * null and left to PixelMed, which is the reference this reader is tested against.
 */
final class DataSetReader {

    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    /** Single-byte character sets and UTF-8: one term, no escape sequences, decoded the way PixelMed does. */
    private static final Map<String, Charset> CHARSETS = Map.of(
            "ISO_IR 6", StandardCharsets.US_ASCII, "ISO_IR 100", StandardCharsets.ISO_8859_1,
            "ISO_IR 101", Charset.forName("ISO-8859-2"), "ISO_IR 144", Charset.forName("ISO-8859-5"),
            "ISO_IR 192", StandardCharsets.UTF_8);

    /** What was read: the meta header's transfer syntax, the data set, and where the pixel element starts (-1: none). */
    record Parsed(String transferSyntaxUid, DataSetNode dataSet, long pixelElementOffset) {
    }

    /** A file (or its first bytes) this reader does not handle; PixelMed takes it. */
    private static final class Declined extends Exception {
        Declined() {
            super(null, null, false, false);
        }
    }

    private static final Declined DECLINED = new Declined();

    private final byte[] b;
    private final long fileLength;
    private int p;
    private ElementNode.TextCodec codec = ElementNode.TextCodec.ASCII;

    private DataSetReader(byte[] head, long fileLength) {
        this.b = head;
        this.fileLength = fileLength;
    }

    /**
     * @param head       the whole file, or its first bytes when {@code fileLength} is larger
     * @param fileLength the file's length
     * @return the parsed header, or null when PixelMed must read this file (also when {@code head} is too short)
     */
    static Parsed read(byte[] head, long fileLength) {
        try {
            return new DataSetReader(head, fileLength).parse();
        } catch (Declined | RuntimeException e) {
            return null;
        }
    }

    private Parsed parse() throws Declined {
        require(b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M');
        p = 132;
        String ts = null;
        while (p + 8 <= b.length && u16(p) == 0x0002) {
            int tag = tagAt(p);
            String vr = vrAt(p + 4);
            long length = lengthAt(vr);
            require(length != UNDEFINED);
            if (tag == 0x00020010) {
                ts = ascii(p, (int) length).trim();
            }
            p = checkedEnd(length);
        }
        require(EXPLICIT_VR_LITTLE_ENDIAN.equals(ts));
        List<ElementNode> top = new ArrayList<>();
        long pixelOffset = -1;
        int previous = 0; // tags compare unsigned: every tag is above 0
        while (p < fileLength) {
            require(p + 8 <= b.length);
            int tag = tagAt(p);
            require(Integer.compareUnsigned(tag, previous) > 0);
            previous = tag;
            if (tag == PIXEL_DATA) {
                pixelOffset = p;
                String vr = vrAt(p + 4);
                require("OW".equals(vr) || "OB".equals(vr));
                long length = u32(p + 8);
                require(length != UNDEFINED && p + 12 + length == fileLength);
                break;
            }
            ElementNode e = element(tag, true);
            if (tag == SPECIFIC_CHARACTER_SET) {
                codec = codecFor(e.value());
                e = ElementNode.value(e.tag(), e.vr(), codec, e.value());
            }
            top.add(e);
        }
        DataSetNode dataSet = new DataSetNode(top, codec);
        if (pixelOffset < 0) {
            // an image whose pixels are missing is a truncated upload: PixelMed's parse rejects it with the reason
            ElementNode sopClass = dataSet.get(new Tag(0x0008, 0x0016));
            require(dataSet.get(new Tag(0x0028, 0x0010)) == null && sopClass != null
                    && !com.pixelmed.dicom.SOPClass.isImageStorage(sopClass.firstValueTrimmed()));
        }
        return new Parsed(ts, dataSet, pixelOffset);
    }

    private static ElementNode.TextCodec codecFor(byte[] value) throws Declined {
        String term = new String(value, StandardCharsets.US_ASCII).trim();
        if (term.isEmpty()) {
            return ElementNode.TextCodec.ASCII;
        }
        Charset charset = CHARSETS.get(term);
        require(charset != null);
        return new ElementNode.TextCodec(charset);
    }

    /** Reads the element at {@link #p} and moves past it. */
    private ElementNode element(int tag, boolean topLevel) throws Declined {
        require((tag & 0xFFFF) != 0 && (tag >>> 16) != 0xFFFE); // no group lengths, no stray delimiters
        require(topLevel || tag != SPECIFIC_CHARACTER_SET); // a character set of its own inside an item
        String vr = vrAt(p + 4);
        Tag domainTag = new Tag(tag >>> 16, tag & 0xFFFF);
        require(!"UN".equals(vr) || domainTag.isPrivate()); // PixelMed re-types public UN elements from its dictionary
        long length = lengthAt(vr);
        if ("SQ".equals(vr)) {
            return ElementNode.sequence(domainTag, codec, items(length));
        }
        require(length != UNDEFINED && (length & 1) == 0); // odd lengths are PixelMed's to repair
        require(!domainTag.isPrivateCreator() || "LO".equals(vr)); // creators as PixelMed reads them
        int start = p;
        p = checkedEnd(length);
        byte[] value = java.util.Arrays.copyOfRange(b, start, p);
        if (ElementNode.TextCodec.followsCharacterSet(vr) || "UN".equals(vr) || "OB".equals(vr)) {
            return ElementNode.value(domainTag, vr, codec, value);
        }
        if (org.teleris.anonymizer.domain.ValueRepresentations.isText(vr)) {
            requireAscii(value); // codes, dates, numbers and UIDs: anything else is PixelMed's to interpret
        }
        return ElementNode.value(domainTag, vr, codec, value);
    }

    private List<DataSetNode> items(long length) throws Declined {
        List<DataSetNode> items = new ArrayList<>();
        long end = length == UNDEFINED ? Long.MAX_VALUE : p + length;
        while (p < end) {
            require(p + 8 <= b.length);
            int tag = tagAt(p);
            long itemLength = u32(p + 4);
            if (tag == SEQUENCE_END) {
                require(length == UNDEFINED && itemLength == 0);
                p += 8;
                return items;
            }
            require(tag == ITEM);
            p += 8;
            items.add(item(itemLength));
        }
        require(p == end);
        return items;
    }

    private DataSetNode item(long length) throws Declined {
        List<ElementNode> elements = new ArrayList<>();
        long end = length == UNDEFINED ? Long.MAX_VALUE : p + length;
        int previous = 0; // tags compare unsigned: every tag is above 0
        while (p < end) {
            require(p + 8 <= b.length);
            int tag = tagAt(p);
            if (tag == ITEM_END) {
                require(length == UNDEFINED && u32(p + 4) == 0);
                p += 8;
                return new DataSetNode(elements, codec);
            }
            require(Integer.compareUnsigned(tag, previous) > 0);
            previous = tag;
            elements.add(element(tag, false));
        }
        require(p == end);
        return new DataSetNode(elements, codec);
    }

    /** Explicit VR: the long form (2 reserved bytes, 4-byte length) for these VRs, the short form for the others. */
    private long lengthAt(String vr) {
        boolean longForm = switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV" -> true;
            default -> false;
        };
        long length;
        if (longForm) {
            length = u32(p + 8);
            p += 12;
        } else {
            length = u16(p + 6);
            p += 8;
        }
        return length;
    }

    private int checkedEnd(long length) throws Declined {
        long end = p + length;
        require(length != UNDEFINED && end <= b.length && end <= fileLength);
        return (int) end;
    }

    private String vrAt(int at) throws Declined {
        require(at + 2 <= b.length);
        String vr = ascii(at, 2);
        switch (vr) {
            case "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV",
                    "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV" -> {
                return vr;
            }
            default -> throw DECLINED;
        }
    }

    private static void requireAscii(byte[] value) throws Declined {
        for (byte x : value) {
            require(x >= 0);
        }
    }

    private static void require(boolean condition) throws Declined {
        if (!condition) {
            throw DECLINED;
        }
    }

    private int tagAt(int at) {
        return u16(at) << 16 | u16(at + 2);
    }

    private int u16(int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private long u32(int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private String ascii(int at, int length) {
        return new String(b, at, length, StandardCharsets.US_ASCII);
    }
}
