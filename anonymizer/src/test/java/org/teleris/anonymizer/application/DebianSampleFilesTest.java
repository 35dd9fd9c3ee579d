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
import org.teleris.anonymizer.domain.DummyValues;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.testdata.DicomTestSupport;

/**
 * Real DICOM files shipped by Debian packages through the same checks as the synthetic study: the examples of
 * dicom3tools and libgdcm-tools (installed by scripts/setup) and, when python3-pydicom is installed, its ~90 test
 * files (many transfer syntaxes, character sets, RT objects, SR, waveforms, broken files). Identifying values are
 * read from each file itself.
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
        for (String root : List.of("/usr/share/doc", "/usr/lib/python3/dist-packages/pydicom/data")) {
            if (Files.isDirectory(Path.of(root))) {
                try (Stream<Path> s = Files.walk(Path.of(root))) {
                    s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".dcm")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    @Test
    void everyDebianSampleIsDeidentifiedOrRefusedForAStatedReason() throws Exception {
        List<Path> files = debianDicomFiles();
        assertTrue(files.size() >= 2, "dicom3tools and libgdcm-tools ship example files (run scripts/setup): " + files);
        int deidentified = 0;
        int identifyingValuesChecked = 0;
        List<String> problems = new ArrayList<>();
        for (Path in : files) {
            Path out = dir.resolve(in.getFileName());
            try {
                InstanceReport r = SyntheticStudyDeidentificationTest.DEID.deidentify(in, out,
                        SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults());
                assertEquals(Outcome.DEIDENTIFIED, r.outcome());
                identifyingValuesChecked += checkOutput(in, out, DicomTestSupport.read(in), r.pixelDataCleaned(), problems);
                deidentified++;
            } catch (InstanceRejectedException e) {
                // Refusals must name a real limitation of the file; a residual-PHI finding on a real file would be
                // a false positive (or a leak) and fails the test.
                if (!Set.of(RejectionCode.PIXEL_DATA_NOT_CLEANABLE, RejectionCode.UNREADABLE_DICOM, RejectionCode.NOT_DICOM,
                        RejectionCode.CONTENT_NOT_CLEANABLE).contains(e.code())) {
                    problems.add(in.getFileName() + ": " + e.getMessage());
                }
                assertFalse(Files.exists(out));
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(deidentified >= 1, "at least the dicom3tools MR sample goes through");
        assertTrue(identifyingValuesChecked >= 5, "too few identifying values for a meaningful check: " + identifyingValuesChecked);
    }

    /** Values of non-identifying attributes that the output carries exactly as the source did. */
    private static Set<String> keptSourceValues(AttributeList source, AttributeList result) throws Exception {
        Set<String> sourceValues = new java.util.HashSet<>();
        collect(source, sourceValues);
        Set<String> outputValues = new java.util.HashSet<>();
        collect(result, outputValues);
        outputValues.retainAll(sourceValues);
        return outputValues;
    }

    private static void collect(AttributeList l, Set<String> into) throws Exception {
        Set<AttributeTag> identifying = new java.util.HashSet<>();
        for (int[] t : IDENTIFYING) {
            identifying.add(new AttributeTag(t[0], t[1]));
        }
        for (Attribute a : l.values()) {
            if (a instanceof com.pixelmed.dicom.SequenceAttribute seq) {
                for (int i = 0; i < seq.getNumberOfItems(); i++) {
                    collect(seq.getItem(i).getAttributeList(), into);
                }
            } else if (!identifying.contains(a.getTag()) && a.getTag().getGroup() != 0x7FE0
                    && (a instanceof com.pixelmed.dicom.StringAttribute || a instanceof com.pixelmed.dicom.TextAttribute)) {
                String v = a.getDelimitedStringValuesOrEmptyString().trim().toUpperCase(java.util.Locale.ROOT);
                if (!v.isEmpty()) {
                    into.add(v);
                }
            }
        }
    }

    private static boolean samePixels(Attribute a, Attribute b) throws Exception {
        if (a instanceof com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames ca) {
            return b instanceof com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames cb
                    && java.util.Arrays.deepEquals(ca.getFrames(), cb.getFrames());
        }
        return java.util.Arrays.equals(a.getByteValues(true), b.getByteValues(true));
    }

    private static int checkOutput(Path in, Path out, AttributeList source, boolean pixelsCleaned, List<String> problems)
            throws Exception {
        byte[] bytes = Files.readAllBytes(out);
        String charset = DicomTestSupport.value(source, 0x0008, 0x0005);
        AttributeList result = DicomTestSupport.read(out);
        Set<String> keptVerbatim = keptSourceValues(source, result);
        int checked = 0;
        for (int[] t : IDENTIFYING) {
            String v = DicomTestSupport.value(source, t[0], t[1]);
            for (String part : v.split("[\\^\\\\]")) {
                String upper = part.trim().toUpperCase(java.util.Locale.ROOT);
                // standard UIDs (e.g. colour palette instances) are kept; so is text the profile keeps elsewhere
                // (a manufacturer that is also the institution's name, a coding scheme "TEST" in a test patient's file)
                boolean legit = upper.startsWith("1.2.840.10008.") || keptVerbatim.stream().anyMatch(k -> k.contains(upper))
                        || DummyValues.TEXT.contains(upper) || DummyValues.PERSON.contains(upper);
                if (part.trim().length() >= 4 && !legit) {
                    if (DicomTestSupport.find(bytes, part.trim(), DicomTestSupport.charsetsFor(charset)) >= 0) {
                        problems.add(in.getFileName() + ": value of " + Integer.toHexString(t[0]) + "," + Integer.toHexString(t[1]));
                    }
                    checked++;
                }
            }
        }
        Attribute a = source.get(new AttributeTag(0x7FE0, 0x0010));
        Attribute b = result.get(new AttributeTag(0x7FE0, 0x0010));
        if (a != null && !pixelsCleaned && !samePixels(a, b)) {
            problems.add(in.getFileName() + ": pixel data changed");
        }
        for (int[] t : new int[][] {{0x0028, 0x0030}, {0x0020, 0x0032}, {0x0020, 0x0037}, {0x0028, 0x1052}, {0x0028, 0x1053}}) {
            if (!DicomTestSupport.value(source, t[0], t[1]).equals(DicomTestSupport.value(result, t[0], t[1]))) {
                problems.add(in.getFileName() + ": geometry/rescale " + Integer.toHexString(t[1]));
            }
        }
        Set<String> newErrors = new java.util.TreeSet<>(DicomTestSupport.dciodvfyErrors(out));
        newErrors.removeAll(DicomTestSupport.dciodvfyErrors(in));
        if (!newErrors.isEmpty()) {
            problems.add(in.getFileName() + ": new dciodvfy errors " + newErrors);
        }
        return checked;
    }
}
