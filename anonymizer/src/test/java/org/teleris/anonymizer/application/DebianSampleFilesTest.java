package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.testdata.DicomTestSupport;

/**
 * Real DICOM files shipped by Debian packages the project installs (dicom3tools, libgdcm-tools examples) through
 * the same checks as the synthetic study. Their identifying values are read from the file itself.
 */
class DebianSampleFilesTest {

    /** Attributes that identify in any real file: their source values must not appear in the output bytes. */
    private static final int[][] IDENTIFYING = {{0x0010, 0x0010}, {0x0010, 0x0020}, {0x0008, 0x0080}, {0x0008, 0x0081},
            {0x0008, 0x1010}, {0x0008, 0x1070}, {0x0008, 0x0090}, {0x0008, 0x0050}, {0x0018, 0x1000}, {0x0020, 0x000D},
            {0x0020, 0x000E}, {0x0008, 0x0018}, {0x0020, 0x0052}, {0x0008, 0x1040}, {0x0010, 0x0030}};

    @TempDir
    Path dir;

    static List<Path> debianDicomFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("/usr/share/doc"))) {
            s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".dcm")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void everyDebianSampleIsDeidentifiedOrRefusedForAStatedReason() throws Exception {
        List<Path> files = debianDicomFiles();
        assertTrue(files.size() >= 2, "dicom3tools and libgdcm-tools ship example files (run scripts/setup): " + files);
        int deidentified = 0;
        for (Path in : files) {
            Path out = dir.resolve(in.getFileName());
            AttributeList source = DicomTestSupport.read(in);
            String ts = DicomTestSupport.value(source, 0x0002, 0x0010);
            try {
                InstanceReport r = SyntheticStudyDeidentificationTest.DEID.deidentify(in, out,
                        SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults());
                assertEquals(Outcome.DEIDENTIFIED, r.outcome());
                checkOutput(in, out, source);
                deidentified++;
            } catch (InstanceRejectedException e) {
                // the only acceptable refusal for these samples: text-prone (XA) pixels that are compressed
                assertEquals(RejectionCode.PIXEL_DATA_NOT_CLEANABLE, e.code(), in + ": " + e.getMessage());
                assertTrue(new TransferSyntax(ts).isEncapsulated(), in.toString());
                assertFalse(Files.exists(out));
            }
        }
        assertTrue(deidentified >= 1, "at least the dicom3tools MR sample goes through");
    }

    private static void checkOutput(Path in, Path out, AttributeList source) throws Exception {
        byte[] bytes = Files.readAllBytes(out);
        String charset = DicomTestSupport.value(source, 0x0008, 0x0005);
        int checked = 0;
        for (int[] t : IDENTIFYING) {
            String v = DicomTestSupport.value(source, t[0], t[1]);
            for (String part : v.split("[\\^\\\\]")) {
                if (part.trim().length() >= 4) {
                    assertEquals(-1, DicomTestSupport.find(bytes, part.trim(), DicomTestSupport.charsetsFor(charset)),
                            in + ": value of " + Integer.toHexString(t[0]) + "," + Integer.toHexString(t[1]));
                    checked++;
                }
            }
        }
        assertTrue(checked >= 5, in + ": too few identifying values to be a meaningful check: " + checked);
        AttributeList result = DicomTestSupport.read(out);
        Attribute a = source.get(new AttributeTag(0x7FE0, 0x0010));
        Attribute b = result.get(new AttributeTag(0x7FE0, 0x0010));
        assertArrayEquals(a.getByteValues(true), b.getByteValues(true), in + ": pixel data");
        assertEquals(DicomTestSupport.value(source, 0x0028, 0x0030), DicomTestSupport.value(result, 0x0028, 0x0030));
        assertEquals(DicomTestSupport.value(source, 0x0020, 0x0032), DicomTestSupport.value(result, 0x0020, 0x0032));
        Set<String> newErrors = new java.util.TreeSet<>(DicomTestSupport.dciodvfyErrors(out));
        newErrors.removeAll(DicomTestSupport.dciodvfyErrors(in));
        assertEquals(Set.of(), newErrors, in.toString());
    }
}
