package org.teleris.consult.testdata;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hostile and broken files for the intake, each with the reason code it must be refused with
 * ("*" = any refusal code, as long as it is a refusal). Made from a valid generated CT slice.
 */
public final class MalformedDicom {

    private MalformedDicom() {
    }

    public static Map<String, byte[]> cases() throws IOException, DicomException {
        byte[] good = new SyntheticCt(900).slices(1, 32).get(0);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("empty", new byte[0]);
        cases.put("not DICOM", "%PDF-1.4 just a document, not an image\n".repeat(20).getBytes(StandardCharsets.US_ASCII));
        cases.put("truncated", Arrays.copyOf(good, good.length / 3));
        byte[] preamble = good.clone();
        preamble[128] = 'X';
        cases.put("wrong preamble", preamble);
        cases.put("preamble only", Arrays.copyOf(good, 132));
        cases.put("bad VR", withStudyDescriptionVr(good, "Q!"));
        cases.put("huge declared length", hugeLength(good));
        cases.put("encapsulated PDF naming the patient", encapsulatedPdf());
        cases.put("declared de-identified but is not", falselyDeclared());
        return cases;
    }

    /** Replaces the VR of StudyDescription (0008,1030) LO by two other bytes. */
    static byte[] withStudyDescriptionVr(byte[] good, String vr) {
        byte[] bad = good.clone();
        int at = indexOf(bad, new byte[] {0x08, 0x00, 0x30, 0x10, 'L', 'O'});
        bad[at + 4] = (byte) vr.charAt(0);
        bad[at + 5] = (byte) vr.charAt(1);
        return bad;
    }

    /** StudyDescription re-declared as UT with a value length of almost 2 GB in a file of a few KB. */
    static byte[] hugeLength(byte[] good) {
        int at = indexOf(good, new byte[] {0x08, 0x00, 0x30, 0x10, 'L', 'O'});
        byte[] element = {0x08, 0x00, 0x30, 0x10, 'U', 'T', 0, 0, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F};
        byte[] bad = new byte[at + element.length + (good.length - at)];
        System.arraycopy(good, 0, bad, 0, at);
        System.arraycopy(element, 0, bad, at, element.length);
        System.arraycopy(good, at, bad, at + element.length, good.length - at);
        return bad;
    }

    /** A slice whose OtherPatientIDsSequence item declares a length of almost 4 GB (PixelMed reads the item to its delimiter). */
    public static byte[] hugeSequenceItemLength() throws IOException, DicomException {
        return hugeSequenceItem(new SyntheticCt(902).slices(1, 32).get(0));
    }

    /** OtherPatientIDsSequence's item declares a length of almost 4 GB. */
    static byte[] hugeSequenceItem(byte[] good) {
        byte[] bad = good.clone();
        int item = indexOf(bad, new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0});
        bad[item + 4] = (byte) 0xF0;
        bad[item + 5] = (byte) 0xFF;
        bad[item + 6] = (byte) 0xFF;
        bad[item + 7] = (byte) 0xFE;
        return bad;
    }

    /** An Encapsulated PDF instance: its content is opaque to the profile and cannot be cleaned. */
    static byte[] encapsulatedPdf() throws IOException, DicomException {
        AttributeList l = new AttributeList();
        put(l, 0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.104.1");
        put(l, 0x0008, 0x0018, "UI", "1.2.826.0.1.3680043.9.7777.5.5.5");
        put(l, 0x0008, 0x0060, "CS", "DOC");
        put(l, 0x0010, 0x0010, "PN", SyntheticCt.PATIENT_NAME);
        put(l, 0x0010, 0x0020, "LO", SyntheticCt.PATIENT_ID);
        put(l, 0x0020, 0x000D, "UI", "1.2.826.0.1.3680043.9.7777.5.5.1");
        put(l, 0x0020, 0x000E, "UI", "1.2.826.0.1.3680043.9.7777.5.5.2");
        put(l, 0x0042, 0x0012, "LO", "application/pdf");
        OtherByteAttribute pdf = new OtherByteAttribute(new AttributeTag(0x0042, 0x0011));
        pdf.setValues("%PDF-1.4 Discharge letter for Johanna Smithson MRN8812345 ".getBytes(StandardCharsets.US_ASCII));
        l.put(pdf);
        return SyntheticCt.bytes(l);
    }

    /** Says PatientIdentityRemoved=YES but still carries the patient's name, ID and a private block. */
    static byte[] falselyDeclared() throws IOException, DicomException {
        AttributeList l = new SyntheticCt(901).slice(1, 32, 0);
        put(l, 0x0012, 0x0062, "CS", "YES");
        return SyntheticCt.bytes(l);
    }

    private static void put(AttributeList l, int group, int element, String vr, String value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(new AttributeTag(group, element),
                vr.getBytes(StandardCharsets.US_ASCII), null);
        a.addValue(value);
        l.put(a);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 132; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found in the generated file");
    }
}
