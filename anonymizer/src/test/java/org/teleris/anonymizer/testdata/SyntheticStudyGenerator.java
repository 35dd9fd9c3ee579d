package org.teleris.anonymizer.testdata;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TransferSyntax;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds synthetic DICOM studies (CT, CR, DX, US, SC, SR) with realistic PHI planted in every place PHI hides:
 * names (Latin, Cyrillic in ISO_IR 144 and ISO_IR 192), ids, dates, UIDs, addresses, phones, staff and institution
 * names, free text, private blocks of several vendors, nested sequences, overlays, curves and burned-in text.
 * Every planted value is recorded in {@link PlantedPhi}.
 */
public final class SyntheticStudyGenerator {

    public static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String CR_IMAGE = "1.2.840.10008.5.1.4.1.1.1";
    public static final String DX_IMAGE = "1.2.840.10008.5.1.4.1.1.1.1";
    public static final String US_IMAGE = "1.2.840.10008.5.1.4.1.1.6.1";
    public static final String SC_IMAGE = "1.2.840.10008.5.1.4.1.1.7";
    public static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";
    /** Burned into US and SC pixels; OCR must find and mask them. */
    public static final String BURNED_NAME = "SMITHSON JOHANNA";
    public static final String BURNED_ID = "MRN8812345";

    private static final String ROOT = "1.2.826.0.1.3680043.9.7777.";

    private final SyntheticPatient patient;
    private final String studyDate;
    private final String studyUid;
    private final String frameOfReferenceUid;
    private final PlantedPhi phi = new PlantedPhi();
    private final SpecificCharacterSet charset;
    private final Random random = new Random(42);
    private int uidCounter;
    private String lastSopInstanceUid;
    private String previousSopInstanceUid;

    public SyntheticStudyGenerator(SyntheticPatient patient, String studyDate, int studyNumber) {
        this.patient = patient;
        this.studyDate = studyDate;
        this.charset = new SpecificCharacterSet(patient.specificCharacterSet() == null ? null
                : new String[] {patient.specificCharacterSet()});
        this.studyUid = plant("StudyInstanceUID", ROOT + studyDate + "." + studyNumber);
        this.frameOfReferenceUid = plant("FrameOfReferenceUID", ROOT + studyDate + "." + studyNumber + ".9");
    }

    public PlantedPhi planted() {
        return phi;
    }

    public String studyInstanceUid() {
        return studyUid;
    }

    private String plant(String where, String value) {
        return phi.plant(where, value);
    }

    private String newUid(String what) {
        return plant(what, ROOT + studyDate + "." + (++uidCounter) + "." + Math.abs(random.nextInt(100000)));
    }

    // ---- modalities -------------------------------------------------------------------------------------------

    /** A CT series (16-bit signed, with rescale, window and full geometry). */
    public List<AttributeList> ctSeries(int slices, int size) throws DicomException {
        String seriesUid = newUid("SeriesInstanceUID(CT)");
        List<AttributeList> out = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            AttributeList l = imageBase(CT_IMAGE, "CT", seriesUid, i + 1);
            str(l, 0x0008, 0x0008, "CS", "ORIGINAL\\PRIMARY\\AXIAL");
            str(l, 0x0018, 0x0050, "DS", "1.25");
            str(l, 0x0018, 0x0060, "DS", "120");
            str(l, 0x0020, 0x0032, "DS", "-175.5\\-180.25\\" + (-100 - 1.25 * i));
            str(l, 0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0");
            str(l, 0x0020, 0x1041, "DS", String.valueOf(-100 - 1.25 * i));
            str(l, 0x0028, 0x0030, "DS", "0.683594\\0.683594");
            str(l, 0x0028, 0x1050, "DS", "-600");
            str(l, 0x0028, 0x1051, "DS", "1500");
            str(l, 0x0028, 0x1052, "DS", "-1024");
            str(l, 0x0028, 0x1053, "DS", "1");
            str(l, 0x0018, 0x5100, "CS", "HFS");
            str(l, 0x0020, 0x0060, "CS", "");
            gray16(l, size, size, true, i);
            privateVendorBlocks(l);
            overlayAndCurve(l);
            out.add(l);
        }
        return out;
    }

    /** A CR or DX image (MONOCHROME1 for CR, 12 bits stored). */
    public AttributeList projection(boolean dx, int size) throws DicomException {
        String modality = dx ? "DX" : "CR";
        AttributeList l = imageBase(dx ? DX_IMAGE : CR_IMAGE, modality, newUid("SeriesInstanceUID(" + modality + ")"), 1);
        str(l, 0x0008, 0x0008, "CS", dx ? "ORIGINAL\\PRIMARY" : "ORIGINAL\\PRIMARY");
        str(l, 0x0018, 0x1164, "DS", "0.139\\0.139");
        str(l, 0x0018, 0x5101, "CS", "PA");
        str(l, 0x0018, 0x1007, "LO", plant("CassetteID", "CAS-00917-B"));
        str(l, 0x0018, 0x700A, "SH", plant("DetectorID", "DET7781X"));
        str(l, 0x0020, 0x0020, "CS", "L\\F");
        if (dx) {
            str(l, 0x0008, 0x0068, "CS", "FOR PRESENTATION");
            str(l, 0x0018, 0x1508, "CS", "");
        }
        str(l, 0x0028, 0x1050, "DS", "2048");
        str(l, 0x0028, 0x1051, "DS", "4096");
        grayMono(l, size, size, dx ? "MONOCHROME2" : "MONOCHROME1");
        privateVendorBlocks(l);
        overlayAndCurve(l);
        return l;
    }

    /** An ultrasound image, RGB, with the patient's name and id burned into the top-left corner. */
    public AttributeList ultrasound() throws DicomException {
        AttributeList l = imageBase(US_IMAGE, "US", newUid("SeriesInstanceUID(US)"), 1);
        str(l, 0x0008, 0x0008, "CS", "ORIGINAL\\PRIMARY\\ABDOMINAL");
        str(l, 0x0028, 0x0301, "CS", "NO"); // wrong on purpose: many US devices say NO and still burn text in
        BufferedImage img = burnedInImage(480, 360, true);
        byte[] rgb = new byte[480 * 360 * 3];
        for (int y = 0, i = 0; y < 360; y++) {
            for (int x = 0; x < 480; x++) {
                int p = img.getRGB(x, y);
                rgb[i++] = (byte) (p >> 16);
                rgb[i++] = (byte) (p >> 8);
                rgb[i++] = (byte) p;
            }
        }
        pixelModule(l, 360, 480, 3, "RGB", 8, 8, 0);
        str(l, 0x0028, 0x0006, "US", "0");
        OtherByteAttribute px = new OtherByteAttribute(new AttributeTag(0x7FE0, 0x0010));
        px.setValues(rgb);
        l.put(px);
        privateVendorBlocks(l);
        return l;
    }

    /** A secondary capture (screenshot of a viewer) with burned-in name and id. */
    public AttributeList secondaryCapture() throws DicomException {
        AttributeList l = imageBase(SC_IMAGE, "OT", newUid("SeriesInstanceUID(SC)"), 1);
        str(l, 0x0008, 0x0064, "CS", "WSD");
        str(l, 0x0018, 0x1012, "DA", plant("DateOfSecondaryCapture", "20240116"));
        BufferedImage img = burnedInImage(512, 400, false);
        byte[] grey = new byte[512 * 400];
        img.getRaster().getDataElements(0, 0, 512, 400, grey);
        pixelModule(l, 400, 512, 1, "MONOCHROME2", 8, 8, 0);
        OtherByteAttribute px = new OtherByteAttribute(new AttributeTag(0x7FE0, 0x0010));
        px.setValues(grey);
        l.put(px);
        if (previousSopInstanceUid != null) {
            SequenceAttribute source = new SequenceAttribute(new AttributeTag(0x0008, 0x2112));
            AttributeList item = new AttributeList();
            str(item, 0x0008, 0x1150, "UI", CT_IMAGE);
            str(item, 0x0008, 0x1155, "UI", previousSopInstanceUid);
            source.addItem(item);
            l.put(source);
        }
        return l;
    }

    /** A Basic Text SR with names, dates, free text and UIDs inside the content tree. */
    public AttributeList structuredReport(String referencedCtInstance) throws DicomException {
        AttributeList l = commonBase(BASIC_TEXT_SR, "SR", newUid("SeriesInstanceUID(SR)"), 1);
        str(l, 0x0040, 0xA491, "CS", "COMPLETE");
        str(l, 0x0040, 0xA493, "CS", "VERIFIED");
        str(l, 0x0040, 0xA040, "CS", "CONTAINER");
        str(l, 0x0040, 0xA050, "CS", "SEPARATE");
        l.put(code(0x0040, 0xA043, "18748-4", "LN", "Diagnostic Imaging Report"));
        SequenceAttribute verifying = new SequenceAttribute(new AttributeTag(0x0040, 0xA073));
        AttributeList v = new AttributeList();
        str(v, 0x0040, 0xA075, "PN", plant("VerifyingObserverName", "Okonkwo^Adaeze"));
        str(v, 0x0040, 0xA027, "LO", plant("VerifyingOrganization", "Saint Brigid Imaging Partners"));
        str(v, 0x0040, 0xA030, "DT", plant("VerificationDateTime", studyDate + "153000"));
        verifying.addItem(v);
        l.put(verifying);
        SequenceAttribute content = new SequenceAttribute(new AttributeTag(0x0040, 0xA730));
        content.addItem(srItem("TEXT", "121071", "Finding", 0x0040, 0xA160, "UT",
                plant("SR TextValue", "Ground glass opacity. Discussed with Johanna Smithson's husband Bartholomew by phone")));
        content.addItem(srItem("PNAME", "121008", "Person Observer Name", 0x0040, 0xA123, "PN",
                plant("SR PersonName", "Lindqvist^Henrik")));
        content.addItem(srItem("DATE", "111060", "Study Date", 0x0040, 0xA121, "DA", plant("SR Date", studyDate)));
        content.addItem(srItem("UIDREF", "110180", "Study Instance UID", 0x0040, 0xA124, "UI", studyUid));
        AttributeList image = srItemBase("IMAGE", "121112", "Source of Measurement");
        SequenceAttribute refSop = new SequenceAttribute(new AttributeTag(0x0008, 0x1199));
        AttributeList ref = new AttributeList();
        str(ref, 0x0008, 0x1150, "UI", CT_IMAGE);
        str(ref, 0x0008, 0x1155, "UI", referencedCtInstance);
        refSop.addItem(ref);
        image.put(refSop);
        content.addItem(image);
        l.put(content);
        SequenceAttribute evidence = new SequenceAttribute(new AttributeTag(0x0040, 0xA375));
        AttributeList study = new AttributeList();
        str(study, 0x0020, 0x000D, "UI", studyUid);
        evidence.addItem(study);
        l.put(evidence);
        return l;
    }

    // ---- building blocks --------------------------------------------------------------------------------------

    private AttributeList imageBase(String sopClass, String modality, String seriesUid, int instance) throws DicomException {
        AttributeList l = commonBase(sopClass, modality, seriesUid, instance);
        String previousInstance = previousSopInstanceUid;
        str(l, 0x0020, 0x0052, "UI", frameOfReferenceUid);
        str(l, 0x0008, 0x0022, "DA", plant("AcquisitionDate", studyDate));
        str(l, 0x0008, 0x0032, "TM", "101530");
        str(l, 0x0008, 0x002A, "DT", plant("AcquisitionDateTime", studyDate + "101530.123"));
        str(l, 0x0018, 0x1000, "LO", plant("DeviceSerialNumber", "SN99172633"));
        str(l, 0x0018, 0x1030, "LO", plant("ProtocolName", "Chest protocol of Dr Weatherby"));
        str(l, 0x0020, 0x4000, "LT", plant("ImageComments", "Pt Johanna Smithson called from 555-0199, room 4B"));
        str(l, 0x0020, 0x0020, "CS", "L\\P");
        if (previousInstance != null) {
            SequenceAttribute ref = new SequenceAttribute(new AttributeTag(0x0008, 0x1140));
            AttributeList item = new AttributeList();
            str(item, 0x0008, 0x1150, "UI", sopClass);
            str(item, 0x0008, 0x1155, "UI", previousInstance);
            // a private element nested inside a kept sequence item
            str(item, 0x0011, 0x0010, "LO", "ACME_NESTED_01");
            str(item, 0x0011, 0x1001, "LO", plant("private (0011,1001) in ReferencedImageSequence", "Smithson nested note"));
            ref.addItem(item);
            l.put(ref);
        }
        return l;
    }

    private AttributeList commonBase(String sopClass, String modality, String seriesUid, int instance) throws DicomException {
        AttributeList l = new AttributeList();
        if (patient.specificCharacterSet() != null) {
            str(l, 0x0008, 0x0005, "CS", patient.specificCharacterSet());
        }
        String sopUid = newUid("SOPInstanceUID");
        previousSopInstanceUid = lastSopInstanceUid;
        str(l, 0x0008, 0x0016, "UI", sopClass);
        str(l, 0x0008, 0x0018, "UI", sopUid);
        str(l, 0x0008, 0x0012, "DA", plant("InstanceCreationDate", studyDate));
        str(l, 0x0008, 0x0020, "DA", plant("StudyDate", studyDate));
        str(l, 0x0008, 0x0021, "DA", plant("SeriesDate", studyDate));
        str(l, 0x0008, 0x0023, "DA", plant("ContentDate", studyDate));
        str(l, 0x0008, 0x0030, "TM", "101500");
        str(l, 0x0008, 0x0033, "TM", "101530");
        str(l, 0x0008, 0x0050, "SH", plant("AccessionNumber", "ACC2024011577"));
        str(l, 0x0008, 0x0060, "CS", modality);
        str(l, 0x0008, 0x0070, "LO", "ACME Medical");
        str(l, 0x0008, 0x0080, "LO", plant("InstitutionName", "Saint Brigid Memorial Hospital"));
        str(l, 0x0008, 0x0081, "ST", plant("InstitutionAddress", "17 Harbour Road, Portmouth PO1 3AX"));
        str(l, 0x0008, 0x0090, "PN", plant("ReferringPhysicianName", "Weatherby^Gregory^^Dr"));
        str(l, 0x0008, 0x0092, "ST", plant("ReferringPhysicianAddress", "9 Elm Close, Portmouth"));
        str(l, 0x0008, 0x0094, "SH", plant("ReferringPhysicianTelephoneNumbers", "+44 23 9282 1122"));
        str(l, 0x0008, 0x1010, "SH", plant("StationName", "BRIGIDCT01"));
        str(l, 0x0008, 0x1030, "LO", plant("StudyDescription", "CHEST CT for Johanna Smithson"));
        str(l, 0x0008, 0x103E, "LO", plant("SeriesDescription", "Axial 1.25mm Smithson"));
        str(l, 0x0008, 0x1040, "LO", plant("InstitutionalDepartmentName", "Radiology West Wing"));
        str(l, 0x0008, 0x1048, "PN", plant("PhysiciansOfRecord", "Abernathy^Clara"));
        str(l, 0x0008, 0x1050, "PN", plant("PerformingPhysicianName", "Lindqvist^Henrik"));
        str(l, 0x0008, 0x1060, "PN", plant("NameOfPhysiciansReadingStudy", "Okonkwo^Adaeze"));
        str(l, 0x0008, 0x1070, "PN", plant("OperatorsName", "Tremblay^Sylvie"));
        str(l, 0x0008, 0x1090, "LO", "Model 9000");
        str(l, 0x0010, 0x0010, "PN", plant("PatientName", patient.name()));
        str(l, 0x0010, 0x0020, "LO", plant("PatientID", patient.id()));
        str(l, 0x0010, 0x0021, "LO", plant("IssuerOfPatientID", "CITYHOSP7"));
        str(l, 0x0010, 0x0030, "DA", plant("PatientBirthDate", patient.birthDate()));
        str(l, 0x0010, 0x0040, "CS", "F");
        str(l, 0x0010, 0x1010, "AS", "062Y");
        str(l, 0x0010, 0x1020, "DS", "1.68");
        str(l, 0x0010, 0x1030, "DS", "71.5");
        str(l, 0x0010, 0x1000, "LO", plant("OtherPatientIDs", "PASS4417889"));
        str(l, 0x0010, 0x1001, "PN", plant("OtherPatientNames", patient.otherName()));
        str(l, 0x0010, 0x1040, "LO", plant("PatientAddress", patient.address()));
        str(l, 0x0010, 0x2154, "SH", plant("PatientTelephoneNumbers", patient.phone()));
        str(l, 0x0010, 0x1060, "PN", plant("PatientMotherBirthName", "Kowalczyk^Irena"));
        str(l, 0x0010, 0x2180, "SH", plant("Occupation", "Locksmith"));
        str(l, 0x0010, 0x21B0, "LT", plant("AdditionalPatientHistory", "Referred by Dr Weatherby after fall at 42 Larkspur Lane"));
        str(l, 0x0010, 0x4000, "LT", plant("PatientComments", "Lives with daughter Annabelle; email j.smithson@example.org"));
        str(l, 0x0010, 0x2297, "PN", plant("ResponsiblePerson", "Smithson^Robert"));
        str(l, 0x0020, 0x000D, "UI", studyUid);
        str(l, 0x0020, 0x000E, "UI", seriesUid);
        str(l, 0x0020, 0x0010, "SH", plant("StudyID", "ST987654"));
        str(l, 0x0020, 0x0011, "IS", "1");
        str(l, 0x0020, 0x0013, "IS", String.valueOf(instance));
        SequenceAttribute otherIds = new SequenceAttribute(new AttributeTag(0x0010, 0x1002));
        AttributeList idItem = new AttributeList();
        str(idItem, 0x0010, 0x0020, "LO", plant("OtherPatientIDsSequence/PatientID", "NHS4857773456"));
        str(idItem, 0x0010, 0x0021, "LO", plant("OtherPatientIDsSequence/Issuer", "NATIONALHEALTH"));
        otherIds.addItem(idItem);
        l.put(otherIds);
        SequenceAttribute request = new SequenceAttribute(new AttributeTag(0x0040, 0x0275));
        AttributeList req = new AttributeList();
        str(req, 0x0040, 0x1001, "SH", plant("RequestAttributesSequence/RequestedProcedureID", "RP55123"));
        str(req, 0x0040, 0x0009, "SH", plant("RequestAttributesSequence/ScheduledProcedureStepID", "SPS77123"));
        SequenceAttribute nested = new SequenceAttribute(new AttributeTag(0x0032, 0x1064));
        AttributeList nestedItem = new AttributeList();
        str(nestedItem, 0x0008, 0x0104, "LO", plant("nested RequestedProcedureCodeSequence meaning", "Ordered by Weatherby for Smithson"));
        nested.addItem(nestedItem);
        req.put(nested);
        request.addItem(req);
        l.put(request);
        lastSopInstanceUid = sopUid;
        return l;
    }

    /** Private blocks of several vendors: identifying ones, a safe one (GE table speed) and binary blobs. */
    private void privateVendorBlocks(AttributeList l) throws DicomException {
        str(l, 0x0009, 0x0010, "LO", "GEMS_IDEN_01");
        str(l, 0x0009, 0x1002, "SH", plant("GE private suite id", "BRIGIDCT01"));
        str(l, 0x0009, 0x1004, "SH", plant("GE private patient text", "JSMITHSON"));
        str(l, 0x0019, 0x0010, "LO", "GEMS_ACQU_01");
        str(l, 0x0019, 0x1023, "DS", "39.375");
        str(l, 0x0029, 0x0010, "LO", "SIEMENS CSA HEADER");
        OtherByteAttribute csa = new OtherByteAttribute(new AttributeTag(0x0029, 0x1010));
        byte[] blob = ("SV10\u0004\u0003\u0002\u0001PatientName\u0000" + plant("Siemens CSA binary blob", "Smithson^Johanna")
                + "\u0000\u0000").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        csa.setValues(blob.length % 2 == 0 ? blob : java.util.Arrays.copyOf(blob, blob.length + 1));
        l.put(csa);
        str(l, 0x2001, 0x0010, "LO", "Philips Imaging DD 001");
        str(l, 0x2001, 0x1003, "FL", "1000");
        str(l, 0x2001, 0x1088, "LO", plant("Philips private operator", "Tremblay S"));
        str(l, 0x7005, 0x0010, "LO", "TOSHIBA_MEC_CT3");
        SequenceAttribute privSeq = new SequenceAttribute(new AttributeTag(0x7005, 0x1001));
        AttributeList item = new AttributeList();
        str(item, 0x0010, 0x0010, "PN", plant("private sequence nested PatientName", patient.name()));
        privSeq.addItem(item);
        l.put(privSeq);
    }

    private void overlayAndCurve(AttributeList l) throws DicomException {
        str(l, 0x6000, 0x0010, "US", "16");
        str(l, 0x6000, 0x0011, "US", "16");
        str(l, 0x6000, 0x0040, "CS", "G");
        str(l, 0x6000, 0x0050, "SS", "1\\1");
        str(l, 0x6000, 0x0100, "US", "1");
        str(l, 0x6000, 0x0102, "US", "0");
        str(l, 0x6000, 0x0022, "LO", plant("OverlayDescription", "Marker for Johanna Smithson"));
        str(l, 0x6000, 0x1500, "LO", plant("OverlayLabel", "SMITHSON J"));
        OtherWordAttribute bits = new OtherWordAttribute(new AttributeTag(0x6000, 0x3000));
        bits.setValues(new short[16]);
        l.put(bits);
        str(l, 0x5000, 0x0005, "US", "1");
        str(l, 0x5000, 0x0010, "US", "2");
        str(l, 0x5000, 0x0020, "CS", "ECG");
        str(l, 0x5000, 0x2500, "LO", plant("CurveLabel", "ECG of Smithson"));
        OtherWordAttribute curve = new OtherWordAttribute(new AttributeTag(0x5000, 0x3000));
        curve.setValues(new short[] {1, 2, 3, 4});
        l.put(curve);
    }

    private void pixelModule(AttributeList l, int rows, int cols, int samples, String photometric, int bits, int stored, int pixelRep)
            throws DicomException {
        str(l, 0x0028, 0x0002, "US", String.valueOf(samples));
        str(l, 0x0028, 0x0004, "CS", photometric);
        str(l, 0x0028, 0x0010, "US", String.valueOf(rows));
        str(l, 0x0028, 0x0011, "US", String.valueOf(cols));
        str(l, 0x0028, 0x0100, "US", String.valueOf(bits));
        str(l, 0x0028, 0x0101, "US", String.valueOf(stored));
        str(l, 0x0028, 0x0102, "US", String.valueOf(stored - 1));
        str(l, 0x0028, 0x0103, "US", String.valueOf(pixelRep));
    }

    private void gray16(AttributeList l, int rows, int cols, boolean signed, int seed) throws DicomException {
        pixelModule(l, rows, cols, 1, "MONOCHROME2", 16, 16, signed ? 1 : 0);
        short[] px = new short[rows * cols];
        Random r = new Random(seed);
        for (int i = 0; i < px.length; i++) {
            int y = i / cols;
            int x = i % cols;
            int body = (x - cols / 2) * (x - cols / 2) + (y - rows / 2) * (y - rows / 2) < (rows * rows) / 5 ? 1040 : 0;
            px[i] = (short) (body + r.nextInt(60) - (signed ? 0 : 0));
        }
        OtherWordAttribute a = new OtherWordAttribute(new AttributeTag(0x7FE0, 0x0010));
        a.setValues(px);
        l.put(a);
    }

    private void grayMono(AttributeList l, int rows, int cols, String photometric) throws DicomException {
        pixelModule(l, rows, cols, 1, photometric, 16, 12, 0);
        short[] px = new short[rows * cols];
        for (int i = 0; i < px.length; i++) {
            px[i] = (short) ((i * 7 + (i / cols) * 13) % 4096);
        }
        OtherWordAttribute a = new OtherWordAttribute(new AttributeTag(0x7FE0, 0x0010));
        a.setValues(px);
        l.put(a);
    }

    private BufferedImage burnedInImage(int w, int h, boolean color) {
        BufferedImage img = new BufferedImage(w, h, color ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(90, 90, 90));
        g.fillOval(w / 4, h / 3, w / 2, h / 2); // "anatomy"
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        plant("burned-in pixel text (name)", BURNED_NAME);
        plant("burned-in pixel text (id)", BURNED_ID);
        g.drawString(BURNED_NAME, 10, 28);
        g.drawString(BURNED_ID, 10, 56);
        g.dispose();
        return img;
    }

    private AttributeList srItemBase(String valueType, String code, String meaning) throws DicomException {
        AttributeList item = new AttributeList();
        str(item, 0x0040, 0xA010, "CS", "CONTAINS");
        str(item, 0x0040, 0xA040, "CS", valueType);
        item.put(code(0x0040, 0xA043, code, "DCM", meaning));
        return item;
    }

    private AttributeList srItem(String valueType, String code, String meaning, int g, int e, String vr, String value)
            throws DicomException {
        AttributeList item = srItemBase(valueType, code, meaning);
        str(item, g, e, vr, value);
        return item;
    }

    private SequenceAttribute code(int g, int e, String value, String scheme, String meaning) throws DicomException {
        SequenceAttribute s = new SequenceAttribute(new AttributeTag(g, e));
        AttributeList item = new AttributeList();
        str(item, 0x0008, 0x0100, "SH", value);
        str(item, 0x0008, 0x0102, "SH", scheme);
        str(item, 0x0008, 0x0104, "LO", meaning);
        s.addItem(item);
        return s;
    }

    private void str(AttributeList l, int group, int element, String vr, String value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(new AttributeTag(group, element), vr.getBytes(java.nio.charset.StandardCharsets.US_ASCII), charset);
        if (!value.isEmpty()) {
            for (String v : value.split("\\\\", -1)) {
                a.addValue(v);
            }
        }
        l.put(a);
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /** Writes a Part 10 file in the given transfer syntax (explicit VR little endian when null). */
    public static Path write(AttributeList list, Path file, String transferSyntax) throws IOException, DicomException {
        String ts = transferSyntax == null ? TransferSyntax.ExplicitVRLittleEndian : transferSyntax;
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, new AttributeTag(0x0008, 0x0016));
        String sopInstance = Attribute.getSingleStringValueOrEmptyString(list, new AttributeTag(0x0008, 0x0018));
        list.removeMetaInformationHeaderAttributes();
        list.putAll(new FileMetaInformation(sopClass, sopInstance, ts, "SYNTHGEN").getAttributeList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        list.write(new File(file.toString()), ts, true, true);
        return file;
    }
}
