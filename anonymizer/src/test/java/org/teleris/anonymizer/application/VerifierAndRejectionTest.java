package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.PersonNameAttribute;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.Finding;
import org.teleris.anonymizer.domain.FindingKind;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.testdata.DicomTestSupport;
import org.teleris.anonymizer.testdata.PlantedPhi;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/** Server-side verification of files anonymised elsewhere, and refusals with machine codes. */
class VerifierAndRejectionTest {

    static final DeidentifiedFileVerifier VERIFIER = new DeidentifiedFileVerifier();
    @TempDir
    static Path dir;
    static Path ctIn;
    static Path ctOut;
    static Path usIn;
    static Path usOut;
    static PlantedPhi planted;

    @BeforeAll
    static void prepare() throws Exception {
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240401", 11);
        ctIn = SyntheticStudyGenerator.write(g.ctSeries(1, 32).get(0), dir.resolve("ct.dcm"), null);
        usIn = SyntheticStudyGenerator.write(g.ultrasound(), dir.resolve("us.dcm"), null);
        planted = g.planted();
        ctOut = dir.resolve("ct-out.dcm");
        usOut = dir.resolve("us-out.dcm");
        SyntheticStudyDeidentificationTest.DEID.deidentify(ctIn, ctOut, SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults());
        SyntheticStudyDeidentificationTest.DEID.deidentify(usIn, usOut, SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults());
    }

    @Test
    void ourOwnOutputPassesServerSideVerification() throws Exception {
        for (Path p : new Path[] {ctOut, usOut}) {
            InstanceReport r = VERIFIER.verify(p);
            assertEquals(Outcome.VERIFIED, r.outcome(), p + ": " + r.verification().summary());
        }
    }

    @Test
    void anIdentifiedFileIsRejectedWithTagPathsAndNeverValues() throws Exception {
        InstanceReport r = VERIFIER.verify(ctIn);
        assertEquals(Outcome.REJECTED, r.outcome());
        assertEquals(RejectionCode.PROFILE_NOT_APPLIED, r.rejection().code());
        Set<String> where = r.verification().findings().stream().map(Finding::location).collect(Collectors.toSet());
        assertTrue(where.contains("(0010,1040)"), "patient address should be removed: " + where);
        assertTrue(where.contains("(0012,0062)"), "PatientIdentityRemoved missing");
        assertTrue(where.contains("(6000,0022)"), "overlay");
        assertTrue(where.contains("(0009,1002)"), "unsafe private");
        assertTrue(where.contains("(0010,1002)[0].(0010,0021)"), "nested path: " + where);
        assertTrue(where.contains("(0010,1002)"), "the removed sequence itself: " + where);
        Set<FindingKind> kinds = r.verification().findings().stream().map(Finding::kind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of(FindingKind.PERSON_NAME, FindingKind.PHONE_NUMBER, FindingKind.EMAIL)), kinds.toString());
        String everything = r.verification().findings().toString() + r.rejection().message();
        for (String value : planted.searchableValues().keySet()) {
            assertFalse(everything.contains(value), "a finding leaks a value");
        }
    }

    @Test
    void aNameSlippedBackIntoAVerifiedFileIsFound() throws Exception {
        AttributeList l = DicomTestSupport.read(ctOut);
        PersonNameAttribute pn = new PersonNameAttribute(new AttributeTag(0x0008, 0x009C));
        pn.addValue("Weatherby^Gregory");
        l.put(pn);
        Path tampered = SyntheticStudyGenerator.write(l, dir.resolve("tampered.dcm"), null);
        InstanceReport r = VERIFIER.verify(tampered);
        assertEquals(Outcome.REJECTED, r.outcome());
        assertTrue(r.verification().findings().stream().anyMatch(f -> f.location().equals("(0008,009C)")), r.verification().summary());
    }

    @Test
    void burnedInTextInAForeignFileIsFoundByOcr() throws Exception {
        AttributeList clean = DicomTestSupport.read(usOut);
        AttributeList original = DicomTestSupport.read(usIn);
        clean.put(original.get(new AttributeTag(0x7FE0, 0x0010)));
        Path withText = SyntheticStudyGenerator.write(clean, dir.resolve("us-text.dcm"), null);
        InstanceReport r = VERIFIER.verify(withText);
        assertEquals(Outcome.REJECTED, r.outcome());
        assertTrue(r.verification().findings().stream().anyMatch(f -> f.kind() == FindingKind.BURNED_IN_TEXT), r.verification().summary());
    }

    @Test
    void notDicomIsRefusedWithACodeByBothFacades() throws Exception {
        byte[] junk = "%PDF-1.4 definitely not a DICOM file, patient John Doe".getBytes(StandardCharsets.US_ASCII);
        InstanceReport r = VERIFIER.verify(new ByteArrayInputStream(junk));
        assertEquals(RejectionCode.NOT_DICOM, r.rejection().code());
        InstanceRejectedException e = assertThrows(InstanceRejectedException.class, () -> SyntheticStudyDeidentificationTest.DEID
                .deidentify(new ByteArrayInputStream(junk), new ByteArrayOutputStream(), SyntheticStudyDeidentificationTest.SECRET,
                        DeidentificationOptions.serverDefaults()));
        assertEquals(RejectionCode.NOT_DICOM, e.code());
        assertFalse(e.getMessage().contains("John"), "messages never echo content");
        byte[] truncated = java.util.Arrays.copyOf(Files.readAllBytes(ctIn), 700);
        InstanceRejectedException t = assertThrows(InstanceRejectedException.class, () -> SyntheticStudyDeidentificationTest.DEID
                .deidentify(new ByteArrayInputStream(truncated), new ByteArrayOutputStream(), SyntheticStudyDeidentificationTest.SECRET,
                        DeidentificationOptions.serverDefaults()));
        assertTrue(Set.of(RejectionCode.UNREADABLE_DICOM, RejectionCode.NOT_DICOM).contains(t.code()), t.getMessage());
    }
}
