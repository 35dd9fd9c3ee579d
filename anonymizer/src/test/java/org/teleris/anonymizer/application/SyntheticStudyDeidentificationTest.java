package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleris.anonymizer.testdata.DicomTestSupport.item;
import static org.teleris.anonymizer.testdata.DicomTestSupport.value;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.domain.ProfileOption;
import org.teleris.anonymizer.testdata.DicomTestSupport;
import org.teleris.anonymizer.testdata.PlantedPhi;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/**
 * The synthetic study (CT, CR, DX, US, SC, SR; three character sets; two studies of one patient) through the
 * de-identifier, checked on the output bytes, pixels, geometry, UIDs, dates and with dciodvfy.
 */
class SyntheticStudyDeidentificationTest {

    /** Names and words that hide inside free text; looked for on their own as well as inside planted values. */
    static final List<String> SENSITIVE_WORDS = List.of("Smithson", "Johanna", "Bartholomew", "Weatherby", "Annabelle",
            "Larkspur", "Kowalczyk", "Lindqvist", "Okonkwo", "Tremblay", "Abernathy", "Иванов", "Пётр", "Кузнецова",
            "Мария", "Müller", "Jürgen", "Portmouth", "Brigid", "555-0199", "example.org", "Springfield", "Садовая",
            "CITYHOSP7", "BRIGIDCT01", "JSMITHSON");

    static final OrganisationSecret SECRET = new OrganisationSecret("clinic-42-secret-key-0123456789".getBytes());
    static final DeidentificationOptions OPTIONS = new DeidentificationOptions(
            Set.of(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES, ProfileOption.RETAIN_PATIENT_CHARACTERISTICS,
                    ProfileOption.CLEAN_DESCRIPTORS, ProfileOption.CLEAN_STRUCTURED_CONTENT, ProfileOption.RETAIN_SAFE_PRIVATE),
            List.of());

    @TempDir
    static Path dir;
    static final DicomDeidentifier DEID = new DicomDeidentifier();
    static final Map<String, Path> inputs = new LinkedHashMap<>();
    static final Map<String, Path> outputs = new LinkedHashMap<>();
    static final Map<String, InstanceReport> reports = new LinkedHashMap<>();
    static final Map<String, String> charsets = new LinkedHashMap<>();
    static final List<PlantedPhi> planted = new ArrayList<>();

    @BeforeAll
    static void generateAndDeidentify() throws Exception {
        SyntheticStudyGenerator a = new SyntheticStudyGenerator(SyntheticPatient.cyrillicIsoIr144(), "20240115", 1);
        List<AttributeList> ct = a.ctSeries(3, 64);
        for (int i = 0; i < ct.size(); i++) {
            add("ct" + i, ct.get(i), "ISO_IR 144");
        }
        add("sc", a.secondaryCapture(), "ISO_IR 144");
        String ctLast = value(ct.get(2), 0x0008, 0x0018);
        add("sr", a.structuredReport(ctLast), "ISO_IR 144");
        planted.add(a.planted());
        // a follow-up study of the same patient, 10 days later: date shifts must agree
        SyntheticStudyGenerator a2 = new SyntheticStudyGenerator(SyntheticPatient.cyrillicIsoIr144(), "20240125", 2);
        add("ct-followup", a2.ctSeries(1, 32).get(0), "ISO_IR 144");
        planted.add(a2.planted());
        SyntheticStudyGenerator b = new SyntheticStudyGenerator(SyntheticPatient.cyrillicUtf8(), "20231103", 3);
        add("cr", b.projection(false, 64), "ISO_IR 192");
        add("dx", b.projection(true, 64), "ISO_IR 192");
        add("sr-utf8", b.structuredReport("1.2.3.4.5.6.7.8.9"), "ISO_IR 192");
        planted.add(b.planted());
        SyntheticStudyGenerator c = new SyntheticStudyGenerator(SyntheticPatient.latin1(), "20220630", 4);
        add("us", c.ultrasound(), "ISO_IR 100");
        planted.add(c.planted());
        for (String name : inputs.keySet()) {
            Path out = dir.resolve("out").resolve(name + ".dcm");
            reports.put(name, DEID.deidentify(inputs.get(name), out, SECRET, OPTIONS));
            outputs.put(name, out);
        }
    }

    private static void add(String name, AttributeList list, String charset) throws Exception {
        inputs.put(name, SyntheticStudyGenerator.write(list, dir.resolve("in").resolve(name + ".dcm"), null));
        charsets.put(name, charset);
    }

    static int plantedLocationCount() {
        return planted.stream().mapToInt(p -> p.locations().size()).sum();
    }

    @Test
    void everyInstanceIsDeidentifiedAndVerified() {
        for (var e : reports.entrySet()) {
            assertEquals(Outcome.DEIDENTIFIED, e.getValue().outcome(), e.getKey());
            assertTrue(e.getValue().verification().passed(), e.getKey() + ": " + e.getValue().verification().summary());
            assertFalse(e.getValue().actions().isEmpty(), e.getKey());
        }
        assertTrue(plantedLocationCount() > 100, "the generator plants PHI in many places: " + plantedLocationCount());
    }

    @Test
    void noPlantedValueSurvivesAnywhereInTheOutputBytes() throws Exception {
        List<String> survivors = new ArrayList<>();
        for (String name : outputs.keySet()) {
            byte[] out = Files.readAllBytes(outputs.get(name));
            byte[] in = Files.readAllBytes(inputs.get(name));
            var cs = DicomTestSupport.charsetsFor(charsets.get(name));
            for (PlantedPhi p : planted) {
                for (var v : p.searchableValues().entrySet()) {
                    if (DicomTestSupport.find(out, v.getKey(), cs) >= 0) {
                        survivors.add(name + ": " + v.getValue());
                    }
                }
            }
            for (String w : SENSITIVE_WORDS) {
                boolean wasPlanted = DicomTestSupport.find(in, w, cs) >= 0;
                if (DicomTestSupport.find(out, w, cs) >= 0) {
                    survivors.add(name + ": word '" + w + "' (in source: " + wasPlanted + ")");
                }
            }
        }
        assertEquals(List.of(), survivors);
    }

    @Test
    void theSearchItselfFindsEveryPlantedTextValueInTheInputs() throws Exception {
        // Guards the test above: if the search were broken it would pass vacuously.
        int found = 0;
        for (String name : List.of("ct0", "cr", "us")) {
            byte[] in = Files.readAllBytes(inputs.get(name));
            found += DicomTestSupport.find(in, "Smithson", DicomTestSupport.charsetsFor(charsets.get(name))) >= 0 ? 1 : 0;
        }
        assertEquals(3, found);
        byte[] ct = Files.readAllBytes(inputs.get("ct0"));
        assertTrue(DicomTestSupport.find(ct, "Иванов", Set.of(java.nio.charset.Charset.forName("ISO-8859-5"))) >= 0);
        byte[] cr = Files.readAllBytes(inputs.get("cr"));
        assertTrue(DicomTestSupport.find(cr, "Кузнецова", Set.of(java.nio.charset.StandardCharsets.UTF_8)) >= 0);
    }

    @Test
    void outputsPassDciodvfyWithoutNewErrors() throws Exception {
        Map<String, Set<String>> newErrors = new LinkedHashMap<>();
        for (String name : outputs.keySet()) {
            Set<String> before = DicomTestSupport.dciodvfyErrors(inputs.get(name));
            Set<String> after = new java.util.TreeSet<>(DicomTestSupport.dciodvfyErrors(outputs.get(name)));
            after.removeAll(before);
            if (!after.isEmpty()) {
                newErrors.put(name, after);
            }
        }
        assertEquals(Map.of(), newErrors);
    }

    @Test
    void geometryRescaleWindowAndPixelsOfUncleanedImagesAreUnchanged() throws Exception {
        int[][] tags = {{0x0028, 0x0010}, {0x0028, 0x0011}, {0x0028, 0x0030}, {0x0020, 0x0032}, {0x0020, 0x0037},
                {0x0020, 0x1041}, {0x0018, 0x0050}, {0x0028, 0x1052}, {0x0028, 0x1053}, {0x0028, 0x1050}, {0x0028, 0x1051},
                {0x0028, 0x0100}, {0x0028, 0x0101}, {0x0028, 0x0103}, {0x0028, 0x0004}, {0x0018, 0x1164}};
        for (String name : List.of("ct0", "ct1", "ct2", "ct-followup", "cr", "dx")) {
            AttributeList in = DicomTestSupport.read(inputs.get(name));
            AttributeList out = DicomTestSupport.read(outputs.get(name));
            for (int[] t : tags) {
                assertEquals(value(in, t[0], t[1]), value(out, t[0], t[1]), name + " tag " + Integer.toHexString(t[1]));
            }
            assertTrue(java.util.Arrays.equals(DicomTestSupport.pixelBytes(in), DicomTestSupport.pixelBytes(out)), name + " pixels");
            assertFalse(reports.get(name).pixelDataCleaned(), name);
        }
        assertEquals("-1024", value(DicomTestSupport.read(outputs.get("ct0")), 0x0028, 0x1052));
    }

    @Test
    void uidsAreRemappedDeterministicallyAndReferencesStayConsistent() throws Exception {
        AttributeList[] ct = new AttributeList[3];
        AttributeList[] ctIn = new AttributeList[3];
        for (int i = 0; i < 3; i++) {
            ct[i] = DicomTestSupport.read(outputs.get("ct" + i));
            ctIn[i] = DicomTestSupport.read(inputs.get("ct" + i));
            assertTrue(value(ct[i], 0x0008, 0x0018).startsWith("2.25."));
            assertNotEquals(value(ctIn[i], 0x0008, 0x0018), value(ct[i], 0x0008, 0x0018));
            assertEquals(value(ct[i], 0x0008, 0x0018), value(ct[i], 0x0002, 0x0003), "meta header follows");
            assertEquals(value(ct[0], 0x0020, 0x000D), value(ct[i], 0x0020, 0x000D));
            assertEquals(value(ct[0], 0x0020, 0x0052), value(ct[i], 0x0020, 0x0052));
            assertEquals(value(ctIn[i], 0x0008, 0x0016), value(ct[i], 0x0008, 0x0016), "SOP class kept");
        }
        assertEquals(value(ct[0], 0x0008, 0x0018), value(item(ct[1], 0x0008, 0x1140, 0), 0x0008, 0x1155));
        assertEquals(value(ct[1], 0x0008, 0x0018), value(item(ct[2], 0x0008, 0x1140, 0), 0x0008, 0x1155));
        AttributeList sc = DicomTestSupport.read(outputs.get("sc"));
        assertEquals(value(ct[2], 0x0008, 0x0018), value(item(sc, 0x0008, 0x2112, 0), 0x0008, 0x1155));
        AttributeList sr = DicomTestSupport.read(outputs.get("sr"));
        assertEquals(value(ct[0], 0x0020, 0x000D), value(sr, 0x0020, 0x000D));
        AttributeList image = item(sr, 0x0040, 0xA730, 4);
        assertEquals(value(ct[2], 0x0008, 0x0018), value(item(image, 0x0008, 0x1199, 0), 0x0008, 0x1155), "SR image reference");
        assertEquals(value(ct[0], 0x0020, 0x000D), value(item(sr, 0x0040, 0xA730, 3), 0x0040, 0xA124), "SR UIDREF");
        // determinism: a second run with the same secret gives the same UIDs; another secret gives others
        Path again = dir.resolve("again.dcm");
        DEID.deidentify(inputs.get("ct1"), again, SECRET, OPTIONS);
        assertEquals(value(ct[1], 0x0008, 0x0018), value(DicomTestSupport.read(again), 0x0008, 0x0018));
        Path other = dir.resolve("other.dcm");
        DEID.deidentify(inputs.get("ct1"), other, new OrganisationSecret("another-clinic-secret-000000".getBytes()), OPTIONS);
        AttributeList o = DicomTestSupport.read(other);
        assertNotEquals(value(ct[1], 0x0008, 0x0018), value(o, 0x0008, 0x0018));
        assertNotEquals(value(ct[1], 0x0010, 0x0020), value(o, 0x0010, 0x0020), "pseudonyms are per organisation");
    }

    @Test
    void datesShiftConsistentlyPerPseudonymAndBirthDateIsRemoved() throws Exception {
        DateTimeFormatter da = DateTimeFormatter.BASIC_ISO_DATE;
        AttributeList first = DicomTestSupport.read(outputs.get("ct0"));
        AttributeList follow = DicomTestSupport.read(outputs.get("ct-followup"));
        AttributeList other = DicomTestSupport.read(outputs.get("cr"));
        assertEquals(value(first, 0x0010, 0x0020), value(follow, 0x0010, 0x0020), "same patient, same pseudonym");
        assertEquals(value(first, 0x0010, 0x0010), value(follow, 0x0010, 0x0020));
        assertNotEquals(value(first, 0x0010, 0x0020), value(other, 0x0010, 0x0020));
        LocalDate d1 = LocalDate.parse(value(first, 0x0008, 0x0020), da);
        LocalDate d2 = LocalDate.parse(value(follow, 0x0008, 0x0020), da);
        assertEquals(10, ChronoUnit.DAYS.between(d1, d2), "interval between the two studies is preserved");
        long shift = ChronoUnit.DAYS.between(LocalDate.parse("20240115", da), d1);
        assertTrue(shift < 0 && shift >= -3650, "shift " + shift);
        assertEquals(value(first, 0x0008, 0x0020), value(first, 0x0008, 0x0023), "all dates of an instance move together");
        assertEquals(value(first, 0x0008, 0x0020), value(first, 0x0008, 0x002A).substring(0, 8));
        assertEquals("101530.123", value(first, 0x0008, 0x002A).substring(8), "time of day kept");
        assertEquals("", value(first, 0x0010, 0x0030), "birth date emptied (Z)");
        assertEquals("062Y", value(first, 0x0010, 0x1010), "age kept (Retain Patient Characteristics)");
        assertEquals("MODIFIED", value(first, 0x0028, 0x0303));
    }

    @Test
    void deidentificationIsDeclaredWithProfileAndOptionCodes() throws Exception {
        AttributeList out = DicomTestSupport.read(outputs.get("ct0"));
        assertEquals("YES", value(out, 0x0012, 0x0062));
        assertTrue(value(out, 0x0012, 0x0063).contains("E.1-1"));
        List<String> codes = new ArrayList<>();
        for (int i = 0; item(out, 0x0012, 0x0064, i) != null; i++) {
            codes.add(value(item(out, 0x0012, 0x0064, i), 0x0008, 0x0100));
        }
        assertEquals(List.of("113100", "113107", "113108", "113111", "113105", "113104"), codes);
        AttributeList us = DicomTestSupport.read(outputs.get("us"));
        assertTrue(value(us, 0x0012, 0x0064).isEmpty() || true);
        boolean cleanPixelCode = false;
        for (int i = 0; item(us, 0x0012, 0x0064, i) != null; i++) {
            cleanPixelCode |= value(item(us, 0x0012, 0x0064, i), 0x0008, 0x0100).equals("113101");
        }
        assertTrue(cleanPixelCode, "US went through Clean Pixel Data");
    }

    @Test
    void privateTagsOverlaysAndCurvesAreGoneExceptSafePrivate() throws Exception {
        AttributeList out = DicomTestSupport.read(outputs.get("ct1"));
        List<String> privateLeft = new ArrayList<>();
        for (var t : out.keySet()) {
            if (t.isPrivate()) {
                privateLeft.add(t.toString());
            }
            assertFalse(t.getGroup() >= 0x5000 && t.getGroup() <= 0x60FF && t.getGroup() != 0x5200 && t.getGroup() != 0x5400,
                    "overlay/curve left: " + t);
        }
        assertEquals(List.of("(0x0019,0x0010)", "(0x0019,0x1023)", "(0x2001,0x0010)", "(0x2001,0x1003)"), privateLeft,
                "only GE table speed and Philips b-factor are on the safe list");
        assertEquals("39.375", value(out, 0x0019, 0x1023));
        AttributeList ref = item(out, 0x0008, 0x1140, 0);
        assertNotNull(ref);
        assertTrue(ref.keySet().stream().noneMatch(com.pixelmed.dicom.AttributeTag::isPrivate), "private inside a kept item");
    }

    @Test
    void descriptorsKeepOnlyAllowListedTermsAndStructuredTextIsCleaned() throws Exception {
        AttributeList out = DicomTestSupport.read(outputs.get("ct0"));
        assertEquals("CHEST CT", value(out, 0x0008, 0x1030));
        AttributeList sr = DicomTestSupport.read(outputs.get("sr"));
        String text = value(item(sr, 0x0040, 0xA730, 0), 0x0040, 0xA160);
        assertEquals("Ground glass opacity with", text);
        assertEquals("ANONYMOUS", value(item(sr, 0x0040, 0xA730, 1), 0x0040, 0xA123));
        assertEquals("ANONYMOUS", value(item(sr, 0x0040, 0xA073, 0), 0x0040, 0xA075), "verifying observer (D)");
    }

    @Test
    void burnedInTextInUltrasoundAndSecondaryCaptureIsMaskedAndReported() throws Exception {
        for (String name : List.of("us", "sc")) {
            InstanceReport r = reports.get(name);
            assertTrue(r.pixelDataCleaned(), name);
            assertTrue(r.maskedRegions().stream().anyMatch(m -> m.intersects(10, 10, 200, 20)), name + " name line " + r.maskedRegions());
            assertTrue(r.maskedRegions().stream().anyMatch(m -> m.intersects(10, 38, 120, 20)), name + " id line " + r.maskedRegions());
            AttributeList out = DicomTestSupport.read(outputs.get(name));
            assertEquals("NO", value(out, 0x0028, 0x0301));
            var ocr = new org.teleris.anonymizer.infrastructure.TesseractOcr();
            java.awt.image.BufferedImage img = OutputImages.render(out);
            assertTrue(ocr.findText(img).stream().noneMatch(b -> b.y < 70), name + ": text left in the corner");
            assertTrue(OutputImages.samePixelsOutside(DicomTestSupport.read(inputs.get(name)), out, r.maskedRegions()),
                    name + ": pixels outside masks unchanged");
        }
    }
}
