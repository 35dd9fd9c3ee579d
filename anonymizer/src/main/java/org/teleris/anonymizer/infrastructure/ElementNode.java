package org.teleris.anonymizer.infrastructure;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.teleris.anonymizer.domain.EditableElement;
import org.teleris.anonymizer.domain.Tag;
import org.teleris.anonymizer.domain.ValueRepresentations;

/** One element read by {@link DataSetReader}: its encoded value bytes, or its items for a sequence. */
final class ElementNode implements EditableElement {

    private final Tag tag;
    private final String vr;
    private final TextCodec codec;
    private byte[] value;
    private final List<DataSetNode> items;

    private ElementNode(Tag tag, String vr, TextCodec codec, byte[] value, List<DataSetNode> items) {
        this.tag = tag;
        this.vr = vr;
        this.codec = codec;
        this.value = value;
        this.items = items;
    }

    static ElementNode value(Tag tag, String vr, TextCodec codec, byte[] value) {
        return new ElementNode(tag, vr, codec, value, List.of());
    }

    static ElementNode sequence(Tag tag, TextCodec codec, List<DataSetNode> items) {
        return new ElementNode(tag, "SQ", codec, null, items);
    }

    @Override
    public Tag tag() {
        return tag;
    }

    @Override
    public String vr() {
        return vr;
    }

    @Override
    public List<DataSetNode> items() {
        return items;
    }

    boolean isSequence() {
        return value == null;
    }

    byte[] value() {
        return value;
    }

    /** The first value with its padding removed, or "" (for creators and the instance's own decisions). */
    String firstValueTrimmed() {
        List<String> values = textValues();
        return values.isEmpty() ? "" : values.get(0).trim();
    }

    @Override
    public List<String> textValues() {
        if (isSequence() || value.length == 0) {
            return List.of();
        }
        if (ValueRepresentations.isFreeText(vr)) {
            return List.of(codec.decode(vr, value));
        }
        if (ValueRepresentations.isString(vr)) {
            return split(codec.decode(vr, value)); // "original" values, as PixelMed gives them: padding included
        }
        if ("UN".equals(vr) || ("OB".equals(vr) && tag.isPrivate())) {
            return List.of(new String(value, StandardCharsets.ISO_8859_1));
        }
        return List.of();
    }


    private static List<String> split(String joined) {
        List<String> values = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i < joined.length(); i++) {
            if (joined.charAt(i) == '\\') {
                values.add(joined.substring(start, i));
                start = i + 1;
            }
        }
        values.add(joined.substring(start));
        return values;
    }

    @Override
    public void clearValues() {
        if (!isSequence()) {
            value = new byte[0];
        }
    }

    @Override
    public void setValues(List<String> values) {
        if (!ValueRepresentations.isText(vr)) {
            throw new IllegalArgumentException("values of VR " + vr + " are not text");
        }
        value = encode(vr, String.join("\\", values), codec);
    }

    /** Encodes a text value in the data set's character set, padded to even length (UIDs with NUL, text with space). */
    static byte[] encode(String vr, String text, TextCodec codec) {
        byte[] bytes = codec.encode(vr, text);
        if ((bytes.length & 1) == 0) {
            return bytes;
        }
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        padded[bytes.length] = "UI".equals(vr) ? 0 : (byte) ' ';
        return padded;
    }

    /** The character sets a file may declare for the project's reader (single-byte or UTF-8, no code extensions). */
    record TextCodec(Charset charset) {

        static final TextCodec ASCII = new TextCodec(StandardCharsets.US_ASCII);

        /** Person names, descriptions and free text follow Specific Character Set; codes, dates and UIDs are ASCII. */
        static boolean followsCharacterSet(String vr) {
            return switch (vr) {
                case "SH", "LO", "ST", "LT", "UT", "PN", "UC" -> true;
                default -> false;
            };
        }

        String decode(String vr, byte[] bytes) {
            return new String(bytes, followsCharacterSet(vr) ? charset : StandardCharsets.US_ASCII);
        }

        byte[] encode(String vr, String text) {
            return text.getBytes(followsCharacterSet(vr) ? charset : StandardCharsets.US_ASCII);
        }
    }
}
