package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleris.anonymizer.testdata.DicomTestSupport.value;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.FixedMask;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.ProfileOption;
import org.teleris.anonymizer.testdata.DicomTestSupport;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/** Each option switch, end to end on a CR image (the bare profile vs. each option). */
class OptionsAndMasksTest {

    @TempDir
    static Path dir;
    static Path cr;

    @BeforeAll
    static void generate() throws Exception {
        cr = SyntheticStudyGenerator.write(new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240701", 31).projection(false, 48),
                dir.resolve("cr.dcm"), null);
    }

    private static AttributeList run(DeidentificationOptions options, String name) throws Exception {
        Path out = dir.resolve(name + ".dcm");
        SyntheticStudyDeidentificationTest.DEID.deidentify(cr, out, SyntheticStudyDeidentificationTest.SECRET, options);
        return DicomTestSupport.read(out);
    }

    @Test
    void theBareProfileRemovesDatesCharacteristicsDeviceAndDescriptions() throws Exception {
        AttributeList l = run(DeidentificationOptions.of(), "bare");
        assertEquals("", value(l, 0x0008, 0x0020), "Study Date emptied (Z)");
        assertEquals("", value(l, 0x0008, 0x0022), "Acquisition Date X/Z");
        assertEquals("", value(l, 0x0010, 0x0040), "sex emptied");
        assertFalse(l.containsKey(new com.pixelmed.dicom.AttributeTag(0x0010, 0x1010)), "age removed");
        assertFalse(l.containsKey(new com.pixelmed.dicom.AttributeTag(0x0008, 0x1030)), "study description removed");
        assertEquals("REMOVED", value(l, 0x0028, 0x0303));
        assertEquals("ANONYMIZED", value(l, 0x0018, 0x1000), "device serial number X/Z/D: a dummy (Type 1 in some IODs)");
    }

    @Test
    void eachOptionRetainsOrCleansWhatItNames() throws Exception {
        AttributeList dates = run(DeidentificationOptions.of(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES), "dates");
        assertEquals(8, value(dates, 0x0008, 0x0020).length());
        assertFalse(value(dates, 0x0008, 0x0020).equals("20240701"), "shifted, not kept");
        AttributeList chars = run(DeidentificationOptions.of(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS), "chars");
        assertEquals("F", value(chars, 0x0010, 0x0040));
        assertEquals("71.5", value(chars, 0x0010, 0x1030));
        AttributeList device = run(DeidentificationOptions.of(ProfileOption.RETAIN_DEVICE_IDENTITY), "device");
        assertEquals("SN99172633", value(device, 0x0018, 0x1000));
        assertEquals("CAS-00917-B", value(device, 0x0018, 0x1007));
        AttributeList institution = run(DeidentificationOptions.of(ProfileOption.RETAIN_INSTITUTION_IDENTITY), "institution");
        assertEquals("Saint Brigid Memorial Hospital", value(institution, 0x0008, 0x0080));
        AttributeList desc = run(DeidentificationOptions.of(ProfileOption.CLEAN_DESCRIPTORS), "desc");
        assertEquals("CHEST CT", value(desc, 0x0008, 0x1030));
    }

    @Test
    void cleanPixelDataWithAFixedMaskBlacksOutTheRectangle() throws Exception {
        DeidentificationOptions options = new DeidentificationOptions(Set.of(ProfileOption.CLEAN_PIXEL_DATA),
                List.of(FixedMask.parse("ACME Medical|Model 9000|0,0,16,8")));
        Path out = dir.resolve("masked.dcm");
        InstanceReport r = SyntheticStudyDeidentificationTest.DEID.deidentify(cr, out, SyntheticStudyDeidentificationTest.SECRET, options);
        assertTrue(r.maskedRegions().stream().anyMatch(m -> m.source().equals("FIXED_MASK") && m.width() == 16 && m.height() == 8));
        short[] before = DicomTestSupport.read(cr).get(new com.pixelmed.dicom.AttributeTag(0x7FE0, 0x0010)).getShortValues();
        short[] after = DicomTestSupport.read(out).get(new com.pixelmed.dicom.AttributeTag(0x7FE0, 0x0010)).getShortValues();
        int max = 0;
        for (short s : before) {
            max = Math.max(max, s & 0xFFFF);
        }
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                assertEquals(max, after[y * 48 + x] & 0xFFFF, "MONOCHROME1: black is the highest value");
            }
        }
        assertEquals(before[30 * 48 + 30], after[30 * 48 + 30], "outside the mask unchanged");
        AttributeList l = DicomTestSupport.read(out);
        assertEquals("NO", value(l, 0x0028, 0x0301));
    }
}
