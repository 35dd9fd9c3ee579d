package org.teleris.anonymizer.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TransferSyntax;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Small invented CT slices shaped like a clinic's (names, ids, dates, UIDs, free text, a sequence, a private
 * element, 16-bit pixels last) in the character sets clinics here use. The CLI's class-archive training
 * de-identifies them so that the archive holds the classes real batches load; no real data is involved.
 */
public final class TrainingSlices {

    private static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String[] CHARACTER_SETS = {"ISO_IR 144", "ISO_IR 192", ""};
    private static final String[] PATIENT_NAMES = {"\u0418\u0432\u0430\u043d\u043e\u0432^\u041f\u0451\u0442\u0440", "Petrova^Anna", "Smirnov^Oleg"};

    private TrainingSlices() {
    }

    /** Writes {@code count} slices into {@code folder} (which must exist), cycling through the character sets. */
    public static void write(Path folder, int count) throws IOException {
        try {
            for (int i = 0; i < count; i++) {
                String charset = CHARACTER_SETS[i % CHARACTER_SETS.length];
                slice(i, charset, PATIENT_NAMES[i % PATIENT_NAMES.length]).write(
                        new File(folder.resolve(String.format("slice%03d.dcm", i)).toString()),
                        TransferSyntax.ExplicitVRLittleEndian, true, true);
            }
        } catch (DicomException e) {
            throw new IOException("cannot write a training slice: " + e.getMessage(), e);
        }
    }

    private static AttributeList slice(int number, String charset, String patientName) throws DicomException {
        SpecificCharacterSet characterSet = new SpecificCharacterSet(charset.isEmpty() ? new String[0] : new String[] {charset});
        Values v = new Values(new AttributeList(), characterSet);
        String sopInstance = "2.25.7730" + (1000 + number);
        if (!charset.isEmpty()) {
            v.put(0x0008, 0x0005, "CS", charset);
        }
        v.put(0x0008, 0x0008, "CS", "ORIGINAL\\PRIMARY\\AXIAL");
        v.put(0x0008, 0x0016, "UI", CT_IMAGE);
        v.put(0x0008, 0x0018, "UI", sopInstance);
        v.put(0x0008, 0x0020, "DA", "20240115");
        v.put(0x0008, 0x0030, "TM", "093015");
        v.put(0x0008, 0x0050, "SH", "ACC7731" + number);
        v.put(0x0008, 0x0060, "CS", "CT");
        v.put(0x0008, 0x0070, "LO", "TrainingVendor");
        v.put(0x0008, 0x0080, "LO", "Regional Clinic No. 3");
        v.put(0x0008, 0x0081, "ST", "12 Lenina St, Tver, +7 912 555 0199");
        v.put(0x0008, 0x0090, "PN", "Sidorov^Ivan");
        v.put(0x0008, 0x1010, "SH", "CT-ROOM-2");
        v.put(0x0008, 0x1030, "LO", "CT CHEST WITHOUT CONTRAST " + patientName);
        v.put(0x0008, 0x103E, "LO", "AXIAL 1.25 MM LUNG");
        v.put(0x0010, 0x0010, "PN", patientName);
        v.put(0x0010, 0x0020, "LO", "MRN-5512" + number);
        v.put(0x0010, 0x0030, "DA", "19580312");
        v.put(0x0010, 0x0040, "CS", "M");
        v.put(0x0010, 0x1010, "AS", "066Y");
        v.put(0x0018, 0x0050, "DS", "1.25");
        v.put(0x0018, 0x1000, "LO", "SN-40021");
        v.put(0x0020, 0x000D, "UI", "2.25.773011");
        v.put(0x0020, 0x000E, "UI", "2.25.773012");
        v.put(0x0020, 0x0013, "IS", Integer.toString(number + 1));
        v.put(0x0020, 0x0032, "DS", "-160\\-160\\" + (-number * 1.25));
        v.put(0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0");
        v.put(0x0020, 0x0052, "UI", "2.25.773013");
        v.put(0x0020, 0x4000, "LT", "Seen by Dr Sidorov on 15.01.2024, patient Ivanov, phone +7 912 555 0199");
        v.put(0x0029, 0x0010, "LO", "TRAINING VENDOR PRIVATE");
        v.put(0x0029, 0x1001, "LO", "operator Kuznetsova");
        SequenceAttribute procedure = new SequenceAttribute(new AttributeTag(0x0008, 0x1032));
        Values code = new Values(new AttributeList(), characterSet);
        code.put(0x0008, 0x0100, "SH", "CTCHEST");
        code.put(0x0008, 0x0102, "SH", "99CLINIC");
        code.put(0x0008, 0x0104, "LO", "CT chest for Ivanov");
        procedure.addItem(code.list);
        v.list.put(procedure);
        v.put(0x0028, 0x0002, "US", "1");
        v.put(0x0028, 0x0004, "CS", "MONOCHROME2");
        v.put(0x0028, 0x0010, "US", "64");
        v.put(0x0028, 0x0011, "US", "64");
        v.put(0x0028, 0x0030, "DS", "0.625\\0.625");
        v.put(0x0028, 0x0100, "US", "16");
        v.put(0x0028, 0x0101, "US", "16");
        v.put(0x0028, 0x0102, "US", "15");
        v.put(0x0028, 0x0103, "US", "1");
        v.put(0x0028, 0x1050, "DS", "-600");
        v.put(0x0028, 0x1051, "DS", "1500");
        v.put(0x0028, 0x1052, "DS", "-1024");
        v.put(0x0028, 0x1053, "DS", "1");
        OtherWordAttribute pixels = new OtherWordAttribute(new AttributeTag(0x7FE0, 0x0010));
        short[] samples = new short[64 * 64];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((i * 31 + number * 7) % 2048 - 1024);
        }
        pixels.setValues(samples);
        v.list.put(pixels);
        v.list.putAll(new FileMetaInformation(CT_IMAGE, sopInstance, TransferSyntax.ExplicitVRLittleEndian, "TRAINING").getAttributeList());
        return v.list;
    }

    private record Values(AttributeList list, SpecificCharacterSet characterSet) {
        void put(int group, int element, String vr, String value) throws DicomException {
            Attribute a = AttributeFactory.newAttribute(new AttributeTag(group, element),
                    vr.getBytes(StandardCharsets.US_ASCII), characterSet);
            for (String part : value.split("\\\\", -1)) {
                a.addValue(part);
            }
            list.put(a);
        }
    }
}
