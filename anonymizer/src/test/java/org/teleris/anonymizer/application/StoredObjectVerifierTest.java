package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.SanitizedPreview;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/** The admin's re-verify: what the product stores passes; what a clinic sent raw does not. */
class StoredObjectVerifierTest {

    private final StoredObjectVerifier verifier = new StoredObjectVerifier();

    @TempDir
    Path dir;

    @Test
    void aSanitisedPreviewPassesAndTheRawScreenshotDoesNot() throws Exception {
        byte[] raw = PreviewSanitizerTest.jpegWithMetadata();
        StoredObjectVerifier.Result before = verifier.verify(raw, "image/jpeg");
        assertFalse(before.passed());
        assertTrue(before.findings().stream().anyMatch(f -> f.startsWith("metadata block")), before.findings().toString());
        assertTrue(before.findings().stream().anyMatch(f -> f.startsWith("text in the picture")), before.findings().toString());

        SanitizedPreview sanitised = PreviewSanitizerTest.SANITIZER.sanitize(raw, "x.jpg",
                SyntheticStudyDeidentificationTest.SECRET);
        StoredObjectVerifier.Result after = verifier.verify(sanitised.bytes(), sanitised.mediaType());
        assertTrue(after.passed(), after.findings().toString());
    }

    @Test
    void aStoredInstancePassesAndAnIdentifiedOneDoesNot() throws Exception {
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240601", 33);
        Path ct = SyntheticStudyGenerator.write(g.ctSeries(1, 64).get(0), dir.resolve("ct.dcm"), null);
        byte[] identified = Files.readAllBytes(ct);
        StoredObjectVerifier.Result raw = verifier.verify(identified, "application/dicom");
        assertFalse(raw.passed());
        assertFalse(raw.findings().isEmpty());
        assertFalse(String.join(" ", raw.findings()).contains("Smithson"), "findings name places, never values");

        byte[] deidentified = SyntheticStudyDeidentificationTest.DEID.deidentify(identified,
                SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults()).bytes();
        StoredObjectVerifier.Result stored = verifier.verify(deidentified, "application/dicom");
        assertTrue(stored.passed(), stored.findings().toString());
    }
}
