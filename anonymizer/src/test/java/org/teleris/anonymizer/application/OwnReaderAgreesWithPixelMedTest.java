package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.domain.ConfidentialityProfile;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.ElementView;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.OrganisationSecret;
import org.teleris.anonymizer.domain.ProfileOption;
import org.teleris.anonymizer.domain.Tag;
import org.teleris.anonymizer.infrastructure.HeaderOnlyInstance;
import org.teleris.anonymizer.infrastructure.PixelMedInstance;
import org.teleris.anonymizer.infrastructure.TesseractOcr;
import org.teleris.anonymizer.interfaces.Json;
import org.teleris.anonymizer.testdata.DicomTestSupport;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/**
 * The project's own header reader against PixelMed, the reference: on every synthetic instance (four character
 * sets, every modality of the generator, three transfer syntaxes) and every DICOM file Debian ships here, the own
 * reader either declines the file or sees exactly what PixelMed sees, and de-identification gives the same bytes
 * and the same report whichever reader parsed the input.
 */
class OwnReaderAgreesWithPixelMedTest {

    private static final List<Tag> DECISION_TAGS = List.of(new Tag(0x0010, 0x0020), new Tag(0x0010, 0x0021),
            new Tag(0x0010, 0x0010), new Tag(0x0010, 0x0030), new Tag(0x0008, 0x0060), new Tag(0x0008, 0x0016),
            new Tag(0x0028, 0x0301), new Tag(0x0008, 0x0005), new Tag(0x0042, 0x0012), new Tag(0x0008, 0x0018));
    /** What the intake indexes a stored instance by. */
    private static final List<Tag> INDEX_TAGS = List.of(new Tag(0x0008, 0x0018), new Tag(0x0008, 0x0016),
            new Tag(0x0020, 0x000D), new Tag(0x0020, 0x000E), new Tag(0x0010, 0x0020), new Tag(0x0008, 0x0060),
            new Tag(0x0020, 0x0011), new Tag(0x0020, 0x0013), new Tag(0x0008, 0x103E), new Tag(0x0008, 0x0020),
            new Tag(0x0028, 0x0008));
    private static final OrganisationSecret SECRET = new OrganisationSecret("reader-agreement-secret-0123456789".getBytes());

    @TempDir
    static Path dir;
    static final Map<String, Path> files = new LinkedHashMap<>();

    @BeforeAll
    static void generate() throws Exception {
        List<SyntheticPatient> patients = List.of(SyntheticPatient.cyrillicIsoIr144(), SyntheticPatient.cyrillicUtf8(),
                SyntheticPatient.latin1(), SyntheticPatient.latin());
        int study = 0;
        for (SyntheticPatient patient : patients) {
            SyntheticStudyGenerator g = new SyntheticStudyGenerator(patient, "20240115", ++study);
            Map<String, AttributeList> instances = new LinkedHashMap<>();
            List<AttributeList> ct = g.ctSeries(2, 32);
            instances.put("ct0", ct.get(0));
            instances.put("ct1", ct.get(1));
            instances.put("cr", g.projection(false, 32));
            instances.put("dx", g.projection(true, 32));
            instances.put("sr", g.structuredReport("1.2.3.4.5.6.7.8.9"));
            instances.put("us", g.ultrasound());
            instances.put("sc", g.secondaryCapture());
            for (var e : instances.entrySet()) {
                for (String ts : List.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian,
                        TransferSyntax.ExplicitVRBigEndian)) {
                    String name = study + "-" + e.getKey() + "-" + ts;
                    files.put(name, SyntheticStudyGenerator.write((AttributeList) e.getValue().clone(),
                            dir.resolve("in").resolve(name + ".dcm"), ts));
                }
            }
        }
        // A header longer than the reader's first read (a 30 KB vendor blob before the pixels)
        AttributeList big = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240301", 9).ctSeries(1, 32).get(0);
        com.pixelmed.dicom.Attribute creator = new com.pixelmed.dicom.LongStringAttribute(new AttributeTag(0x0029, 0x0010));
        creator.addValue("BIGVENDOR 1.0");
        big.put(creator);
        byte[] blob = new byte[30_000];
        byte[] name = "Patient Larkspur^Annabelle".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, blob, 20_000, name.length);
        com.pixelmed.dicom.Attribute vendor = new com.pixelmed.dicom.OtherByteAttribute(new AttributeTag(0x0029, 0x1010));
        vendor.setValues(blob);
        big.put(vendor);
        files.put("big-header", SyntheticStudyGenerator.write(big, dir.resolve("in").resolve("big-header.dcm"),
                TransferSyntax.ExplicitVRLittleEndian));
        for (Path debian : DebianSampleFilesTest.debianDicomFiles()) {
            files.put("debian:" + debian, debian);
        }
    }

    @Test
    void theOwnReaderSeesWhatPixelMedSeesOrDeclines() throws Exception {
        int read = 0;
        List<String> disagreements = new ArrayList<>();
        for (var e : files.entrySet()) {
            HeaderOnlyInstance own = HeaderOnlyInstance.read(e.getValue());
            if (own == null) {
                continue;
            }
            read++;
            PixelMedInstance reference = PixelMedInstance.read(e.getValue());
            compare(e.getKey() + " element views", withoutPixelData(reference.elementViews()), own.elementViews(),
                    disagreements);
            for (Tag t : DECISION_TAGS) {
                compare(e.getKey() + " " + t, reference.string(t), own.string(t), disagreements);
            }
            compare(e.getKey() + " pixel data", reference.hasPixelData(), own.hasPixelData(), disagreements);
            compare(e.getKey() + " overlay in pixel bits", reference.hasOverlayInPixelBits(), own.hasOverlayInPixelBits(),
                    disagreements);
            compare(e.getKey() + " transfer syntax", reference.transferSyntaxUid(), own.transferSyntaxUid(), disagreements);
        }
        assertEquals(List.of(), disagreements);
        // 4 patients x 7 instances in explicit VR little endian are the own reader's; the other syntaxes are not
        assertTrue(read >= 29, "the own reader read " + read + " files");
        assertNotNull(HeaderOnlyInstance.read(files.get("big-header")), "a header beyond the first read is read on");
    }

    @Test
    void otherTransferSyntaxesAreLeftToPixelMed() throws Exception {
        for (var e : files.entrySet()) {
            if (e.getKey().endsWith(TransferSyntax.ImplicitVRLittleEndian) || e.getKey().endsWith(TransferSyntax.ExplicitVRBigEndian)) {
                assertNull(HeaderOnlyInstance.read(e.getValue()), e.getKey());
            } else if (!e.getKey().startsWith("debian:")) {
                assertNotNull(HeaderOnlyInstance.read(e.getValue()), e.getKey());
            }
        }
    }

    @Test
    void deidentificationGivesTheSameBytesAndReportWhicheverReaderParsed() throws Exception {
        DicomDeidentifier own = new DicomDeidentifier(ConfidentialityProfile.basic(), new TesseractOcr(), true);
        DicomDeidentifier reference = new DicomDeidentifier(ConfidentialityProfile.basic(), new TesseractOcr(), false);
        List<DeidentificationOptions> optionSets = List.of(DeidentificationOptions.serverDefaults(),
                new DeidentificationOptions(Set.of(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES,
                        ProfileOption.RETAIN_PATIENT_CHARACTERISTICS, ProfileOption.CLEAN_DESCRIPTORS,
                        ProfileOption.CLEAN_STRUCTURED_CONTENT, ProfileOption.RETAIN_SAFE_PRIVATE,
                        ProfileOption.RETAIN_DEVICE_IDENTITY), List.of()));
        int compared = 0;
        for (var e : files.entrySet()) {
            if (!e.getKey().startsWith("debian:") && !e.getKey().equals("big-header")
                    && !e.getKey().endsWith(TransferSyntax.ExplicitVRLittleEndian)) {
                continue; // both take PixelMed there
            }
            for (int o = 0; o < optionSets.size(); o++) {
                Path a = dir.resolve("own").resolve(o + "-" + e.getValue().getFileName());
                Path b = dir.resolve("reference").resolve(o + "-" + e.getValue().getFileName());
                String ownOutcome = run(own, e.getValue(), a, optionSets.get(o));
                String referenceOutcome = run(reference, e.getValue(), b, optionSets.get(o));
                assertEquals(referenceOutcome, ownOutcome, e.getKey());
                if (Files.exists(b)) {
                    assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a), e.getKey());
                    compared++;
                }
            }
        }
        assertTrue(compared >= 40, "compared " + compared + " outputs");
    }

    /** The intake looks at a header, then de-identifies that very parse: the output is the same as from the file. */
    @Test
    void aHeaderReadFirstIsDeidentifiedLikeTheFile() throws Exception {
        DicomDeidentifier deidentifier = new DicomDeidentifier();
        int compared = 0;
        for (var e : files.entrySet()) {
            if (!ownReaderDeidentifies(e.getKey())) {
                continue;
            }
            DicomDeidentifier.Opened opened;
            try {
                opened = DicomDeidentifier.open(e.getValue());
            } catch (java.io.IOException unreadable) {
                continue;
            }
            Path fromFile = dir.resolve("opened").resolve("file-" + e.getValue().getFileName());
            Path fromParse = dir.resolve("opened").resolve("parse-" + e.getValue().getFileName());
            Path again = dir.resolve("opened").resolve("again-" + e.getValue().getFileName());
            String expected = run(deidentifier, e.getValue(), fromFile, DeidentificationOptions.serverDefaults());
            assertEquals(expected, outcome(deidentifier, opened, fromParse), e.getKey());
            assertEquals(expected, outcome(deidentifier, opened, again), e.getKey() + ": a second use reads the file again");
            if (Files.exists(fromFile)) {
                assertArrayEquals(Files.readAllBytes(fromFile), Files.readAllBytes(fromParse), e.getKey());
                assertArrayEquals(Files.readAllBytes(fromFile), Files.readAllBytes(again), e.getKey());
                compared++;
            }
        }
        assertTrue(compared >= 40, "compared " + compared + " outputs");
    }

    /** Not PixelMed either way: the file is one the own reader takes, and no OCR of a text-prone image re-reads it. */
    private static boolean ownReaderDeidentifies(String key) {
        boolean ownReadersFile = key.startsWith("debian:") || key.equals("big-header")
                || key.endsWith(TransferSyntax.ExplicitVRLittleEndian);
        return ownReadersFile && !key.contains("-us-") && !key.contains("-sc-");
    }

    private static String outcome(DicomDeidentifier d, DicomDeidentifier.Opened in, Path out) throws Exception {
        try {
            return Json.write(d.deidentifyAndDescribe(in, out, SECRET, DeidentificationOptions.serverDefaults()).report());
        } catch (InstanceRejectedException rejected) {
            return Json.write(rejected.report());
        }
    }

    /** PixelMed lists the Pixel Data element (without values) when it parsed the whole file; no check looks at it. */
    private static List<ElementView> withoutPixelData(List<ElementView> views) {
        return views.stream().filter(v -> !v.path().equals("(7FE0,0010)")).toList();
    }

    @Test
    void verificationGivesTheSameReportWhicheverReaderParsed() throws Exception {
        DeidentifiedFileVerifier own = new DeidentifiedFileVerifier(ConfidentialityProfile.basic(), new TesseractOcr(), true);
        DeidentifiedFileVerifier reference = new DeidentifiedFileVerifier(ConfidentialityProfile.basic(), new TesseractOcr(), false);
        DicomDeidentifier deidentifier = new DicomDeidentifier();
        int verified = 0;
        for (var e : files.entrySet()) {
            if (!ownReaderDeidentifies(e.getKey())) {
                continue;
            }
            // the source as it is (rejected with findings), and its de-identified copy (verified)
            Path copy = dir.resolve("verify").resolve(e.getValue().getFileName());
            try {
                deidentifier.deidentify(e.getValue(), copy, SECRET, DeidentificationOptions.serverDefaults());
            } catch (InstanceRejectedException refused) {
                copy = null;
            }
            for (Path p : copy == null ? List.of(e.getValue()) : List.of(e.getValue(), copy)) {
                String ownReport = Json.write(own.verify(p));
                assertEquals(Json.write(reference.verify(p)), ownReport, e.getKey() + " " + p);
                verified += ownReport.contains("\"VERIFIED\"") ? 1 : 0;
            }
        }
        assertTrue(verified >= 20, "verified " + verified + " de-identified copies");
    }

    private static String run(DicomDeidentifier d, Path in, Path out, DeidentificationOptions options) throws Exception {
        try {
            DicomDeidentifier.Written written = d.deidentifyAndDescribe(in, out, SECRET, options);
            AttributeList stored = DicomTestSupport.read(out);
            for (Tag t : INDEX_TAGS) {
                assertEquals(Attribute.getSingleStringValueOrEmptyString(stored, new AttributeTag(t.group(), t.element())).trim(),
                        written.header().first(t), in + " " + t);
            }
            assertEquals(Attribute.getSingleStringValueOrEmptyString(stored, TagFromName.TransferSyntaxUID).trim(),
                    written.header().transferSyntaxUid());
            assertEquals(written.header().first(new Tag(0x0008, 0x0018)), DicomDeidentifier.header(out).first(new Tag(0x0008, 0x0018)));
            return Json.write(written.report());
        } catch (InstanceRejectedException rejected) {
            return Json.write(rejected.report());
        }
    }

    private static void compare(String what, Object expected, Object actual, List<String> disagreements) {
        if (expected instanceof List<?> e && actual instanceof List<?> a && !e.equals(a)) {
            int i = 0;
            while (i < Math.min(e.size(), a.size()) && e.get(i).equals(a.get(i))) {
                i++;
            }
            disagreements.add(what + " from #" + i + ": PixelMed " + (i < e.size() ? e.get(i) : "-") + " / own "
                    + (i < a.size() ? a.get(i) : "-"));
            return;
        }
        if (!expected.equals(actual)) {
            disagreements.add(what + ": PixelMed " + expected + " / own " + actual);
        }
    }

    @Test
    void aTruncatedOrForeignFileIsDeclinedNotMisread() throws Exception {
        Path ct = files.get("1-ct0-" + TransferSyntax.ExplicitVRLittleEndian);
        byte[] whole = Files.readAllBytes(ct);
        assertNotNull(HeaderOnlyInstance.read(whole));
        assertNull(HeaderOnlyInstance.read(java.util.Arrays.copyOf(whole, whole.length - 7)), "pixel data cut short");
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 10); // trailing bytes after the pixels
        assertNull(HeaderOnlyInstance.read(longer));
        assertNull(HeaderOnlyInstance.read(java.util.Arrays.copyOf(whole, 300)), "header cut short");
        assertNull(HeaderOnlyInstance.read("not dicom at all".getBytes()));
        int pixelElement = DicomTestSupport.indexOf(whole, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W'});
        assertTrue(pixelElement > 132);
        byte[] headerOnly = java.util.Arrays.copyOf(whole, pixelElement);
        assertNull(HeaderOnlyInstance.read(headerOnly), "an image cut right before its pixels");
        InstanceRejectedException rejected = org.junit.jupiter.api.Assertions.assertThrows(InstanceRejectedException.class,
                () -> new DicomDeidentifier().deidentify(headerOnly, SECRET, DeidentificationOptions.serverDefaults()));
        assertEquals(org.teleris.anonymizer.domain.RejectionCode.UNREADABLE_DICOM, rejected.rejection().code());
    }
}
