package org.teleris.consult.testdata;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A multi-slice chest CT with PHI planted everywhere the profile must reach: names, IDs, dates,
 * UIDs (with a date in them), free text, private tags (text and binary) and nested sequences.
 * Same arguments give the same bytes.
 */
public final class SyntheticCt {

    public static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String PATIENT_NAME = "Smithson^Johanna";
    public static final String PATIENT_ID = "MRN8812345";
    public static final String[] PHI = {"Smithson", "Johanna", "MRN8812345", "Weatherby", "19620314", "Larkspur",
        "Saint Brigid", "NHS4857773456", "j.smithson@example.org", "ACC2024011577"};

    private final String root;

    /** @param seed makes the UIDs of one study: same seed, same study */
    public SyntheticCt(int seed) {
        this.root = "1.2.826.0.1.3680043.9.7777.20240115." + seed + ".";
    }

    public String studyUid() {
        return root + "1";
    }

    public String seriesUid() {
        return root + "2";
    }

    public String sopUid(int slice) {
        return root + "3." + slice;
    }

    /** The Part 10 bytes of each slice (explicit VR little endian). */
    public List<byte[]> slices(int count, int size) throws IOException, DicomException {
        List<byte[]> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(bytes(slice(i, size, 0)));
        }
        return out;
    }

    /** One slice; {@code variant} changes only pixel noise (same UIDs, different content). */
    public AttributeList slice(int number, int size, int variant) throws DicomException {
        AttributeList l = new AttributeList();
        str(l, 0x0008, 0x0016, "UI", CT_IMAGE);
        str(l, 0x0008, 0x0018, "UI", sopUid(number));
        str(l, 0x0008, 0x0020, "DA", "20240115");
        str(l, 0x0008, 0x0021, "DA", "20240115");
        str(l, 0x0008, 0x0023, "DA", "20240115");
        str(l, 0x0008, 0x0030, "TM", "101500");
        str(l, 0x0008, 0x0050, "SH", "ACC2024011577");
        str(l, 0x0008, 0x0060, "CS", "CT");
        str(l, 0x0008, 0x0070, "LO", "ACME Medical");
        str(l, 0x0008, 0x0080, "LO", "Saint Brigid Memorial Hospital");
        str(l, 0x0008, 0x0090, "PN", "Weatherby^Gregory^^Dr");
        str(l, 0x0008, 0x1030, "LO", "CHEST CT for Johanna Smithson");
        str(l, 0x0008, 0x103E, "LO", "Axial 5mm Smithson");
        str(l, 0x0010, 0x0010, "PN", PATIENT_NAME);
        str(l, 0x0010, 0x0020, "LO", PATIENT_ID);
        str(l, 0x0010, 0x0030, "DA", "19620314");
        str(l, 0x0010, 0x0040, "CS", "F");
        str(l, 0x0010, 0x1010, "AS", "061Y");
        str(l, 0x0010, 0x4000, "LT", "Lives at 42 Larkspur Lane; email j.smithson@example.org");
        str(l, 0x0018, 0x0015, "CS", "CHEST");
        str(l, 0x0018, 0x0050, "DS", "5");
        str(l, 0x0020, 0x000D, "UI", studyUid());
        str(l, 0x0020, 0x000E, "UI", seriesUid());
        str(l, 0x0020, 0x0010, "SH", "ST987654");
        str(l, 0x0020, 0x0011, "IS", "2");
        str(l, 0x0020, 0x0013, "IS", String.valueOf(number));
        str(l, 0x0020, 0x0032, "DS", "-175\\-175\\" + (-5 * number));
        str(l, 0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0");
        str(l, 0x0020, 0x0052, "UI", root + "4");
        str(l, 0x0028, 0x0030, "DS", "0.7\\0.7");
        str(l, 0x0028, 0x1050, "DS", "-600");
        str(l, 0x0028, 0x1051, "DS", "1500");
        str(l, 0x0028, 0x1052, "DS", "-1024");
        str(l, 0x0028, 0x1053, "DS", "1");
        SequenceAttribute otherIds = new SequenceAttribute(new AttributeTag(0x0010, 0x1002));
        AttributeList idItem = new AttributeList();
        str(idItem, 0x0010, 0x0020, "LO", "NHS4857773456");
        str(idItem, 0x0010, 0x0021, "LO", "NATIONALHEALTH");
        otherIds.addItem(idItem);
        l.put(otherIds);
        str(l, 0x0009, 0x0010, "LO", "GEMS_IDEN_01");
        str(l, 0x0009, 0x1004, "SH", "JSMITHSON");
        OtherByteAttribute blob = new OtherByteAttribute(new AttributeTag(0x0029, 0x1010));
        blob.setValues("CSA Smithson^Johanna MRN8812345 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        str(l, 0x0029, 0x0010, "LO", "SIEMENS CSA HEADER");
        l.put(blob);
        str(l, 0x0028, 0x0002, "US", "1");
        str(l, 0x0028, 0x0004, "CS", "MONOCHROME2");
        str(l, 0x0028, 0x0010, "US", String.valueOf(size));
        str(l, 0x0028, 0x0011, "US", String.valueOf(size));
        str(l, 0x0028, 0x0100, "US", "16");
        str(l, 0x0028, 0x0101, "US", "16");
        str(l, 0x0028, 0x0102, "US", "15");
        str(l, 0x0028, 0x0103, "US", "1");
        short[] px = new short[size * size];
        Random r = new Random(number * 31L + variant);
        for (int i = 0; i < px.length; i++) {
            int y = i / size;
            int x = i % size;
            boolean body = (x - size / 2) * (x - size / 2) + (y - size / 2) * (y - size / 2) < size * size / 5;
            px[i] = (short) ((body ? 1040 : 24) + r.nextInt(40));
        }
        OtherWordAttribute pixels = new OtherWordAttribute(new AttributeTag(0x7FE0, 0x0010));
        pixels.setValues(px);
        l.put(pixels);
        return l;
    }

    public static byte[] bytes(AttributeList list) throws IOException, DicomException {
        String ts = TransferSyntax.ExplicitVRLittleEndian;
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, new AttributeTag(0x0008, 0x0016));
        String sopInstance = Attribute.getSingleStringValueOrEmptyString(list, new AttributeTag(0x0008, 0x0018));
        list.removeMetaInformationHeaderAttributes();
        list.putAll(new FileMetaInformation(sopClass, sopInstance, ts, "SYNTHCT").getAttributeList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.write(out, ts, true, true);
        return out.toByteArray();
    }

    private static void str(AttributeList l, int group, int element, String vr, String value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(new AttributeTag(group, element),
                vr.getBytes(java.nio.charset.StandardCharsets.US_ASCII), null);
        for (String v : value.split("\\\\", -1)) {
            a.addValue(v);
        }
        l.put(a);
    }
}
