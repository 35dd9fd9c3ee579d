package org.teleris.ai.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.teleris.ai.domain.StudyIdentity;

/** Small helpers over PixelMed attribute lists shared by the SR and secondary capture writers. */
final class DicomAttributes {
    static final String MANUFACTURER = "Teleris";

    private DicomAttributes() {
    }

    static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        if (value != null && !value.isEmpty()) {
            a.addValue(value);
        }
        list.put(a);
    }

    static void put(AttributeList list, AttributeTag tag, int value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        a.addValue(value);
        list.put(a);
    }

    static void putCode(AttributeList list, AttributeTag tag, String value, String scheme, String meaning)
            throws DicomException {
        CodedSequenceItem.putSingleCodedSequenceItem(list, tag, value, scheme, meaning);
    }

    static SequenceAttribute sequence(AttributeList list, AttributeTag tag) {
        SequenceAttribute s = new SequenceAttribute(tag);
        list.put(s);
        return s;
    }

    /** A fresh UID under 2.25 (UUID-derived): no registered root needed and collision-free. */
    static String newUid() {
        UUID u = UUID.randomUUID();
        BigInteger v = new BigInteger(1, toBytes(u.getMostSignificantBits(), u.getLeastSignificantBits()));
        return "2.25." + v;
    }

    /** A stable UID for a name (e.g. a model id and version), so the device UID repeats across results. */
    static String uidFor(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            byte[] b = new byte[16];
            System.arraycopy(d, 0, b, 0, 16);
            return "2.25." + new BigInteger(1, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    /** Patient and General Study modules repeated from the source study (type 2 attributes kept even if empty). */
    static void putPatientAndStudy(AttributeList list, StudyIdentity s) throws DicomException {
        StudyIdentity id = s != null ? s : new StudyIdentity("", "", "", "", newUid(), "", "", "", "", "", "");
        put(list, TagFromName.PatientName, id.patientName());
        put(list, TagFromName.PatientID, id.patientId());
        put(list, TagFromName.PatientBirthDate, id.patientBirthDate());
        put(list, TagFromName.PatientSex, id.patientSex());
        put(list, TagFromName.StudyInstanceUID, id.studyInstanceUid().isEmpty() ? newUid() : id.studyInstanceUid());
        put(list, TagFromName.StudyDate, id.studyDate());
        put(list, TagFromName.StudyTime, id.studyTime());
        put(list, TagFromName.ReferringPhysicianName, id.referringPhysicianName());
        put(list, TagFromName.StudyID, id.studyId());
        put(list, TagFromName.AccessionNumber, id.accessionNumber());
        if (!id.studyDescription().isEmpty()) {
            put(list, TagFromName.StudyDescription, id.studyDescription());
        }
    }

    static String[] nowDateTime() {
        LocalDateTime now = LocalDateTime.now();
        return new String[] {now.format(DateTimeFormatter.BASIC_ISO_DATE), now.format(DateTimeFormatter.ofPattern("HHmmss"))};
    }

    /** DS values are at most 16 characters. */
    static String ds(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.4f", v);
        return s.length() <= 16 ? s : String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
