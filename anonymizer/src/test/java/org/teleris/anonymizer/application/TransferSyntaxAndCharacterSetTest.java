package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleris.anonymizer.testdata.DicomTestSupport.value;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.ProfileOption;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.testdata.DicomTestSupport;
import org.teleris.anonymizer.testdata.PlantedPhi;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/** Every transfer syntax we claim, compressed pass-through and refusal, and character set round trips. */
class TransferSyntaxAndCharacterSetTest {

    static final DicomDeidentifier DEID = SyntheticStudyDeidentificationTest.DEID;
    @TempDir
    Path dir;

    private Path ct(String ts, SyntheticPatient patient, PlantedPhi[] planted) throws Exception {
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(patient, "20240301", 7);
        AttributeList l = g.ctSeries(2, 48).get(1);
        if (planted != null) {
            planted[0] = g.planted();
        }
        return SyntheticStudyGenerator.write(l, dir.resolve("in-" + ts + ".dcm"), ts);
    }

    /** The output's attributes re-encoded uncompressed, so deflated outputs can be searched too. */
    private static byte[] searchableBytes(Path file) throws Exception {
        AttributeList l = DicomTestSupport.read(file);
        l.remove(new AttributeTag(0x7FE0, 0x0010));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        l.removeMetaInformationHeaderAttributes();
        l.write(out, TransferSyntax.ExplicitVRLittleEndian, false, true);
        byte[] raw = Files.readAllBytes(file);
        byte[] both = new byte[out.size() + raw.length];
        System.arraycopy(out.toByteArray(), 0, both, 0, out.size());
        System.arraycopy(raw, 0, both, out.size(), raw.length);
        return both;
    }

    @ParameterizedTest
    @ValueSource(strings = {TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian,
            TransferSyntax.ExplicitVRBigEndian, TransferSyntax.DeflatedExplicitVRLittleEndian})
    void nativeTransferSyntaxesRoundTripWithPixelsIntactAndNoPhi(String ts) throws Exception {
        PlantedPhi[] planted = new PlantedPhi[1];
        Path in = ct(ts, SyntheticPatient.latin(), planted);
        Path out = dir.resolve("out.dcm");
        DEID.deidentify(in, out, SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults());
        AttributeList a = DicomTestSupport.read(in);
        AttributeList b = DicomTestSupport.read(out);
        assertEquals(ts, value(b, 0x0002, 0x0010), "transfer syntax unchanged");
        short[] pa = a.get(new AttributeTag(0x7FE0, 0x0010)).getShortValues();
        short[] pb = b.get(new AttributeTag(0x7FE0, 0x0010)).getShortValues();
        assertArrayEquals(pa, pb, "pixel values");
        assertEquals("YES", value(b, 0x0012, 0x0062));
        byte[] bytes = searchableBytes(out);
        for (var v : planted[0].searchableValues().entrySet()) {
            assertEquals(-1, DicomTestSupport.find(bytes, v.getKey(), DicomTestSupport.charsetsFor(null)), v.getValue());
        }
        assertTrue(DicomTestSupport.find(searchableBytes(in), "Smithson", DicomTestSupport.charsetsFor(null)) >= 0);
        Set<String> newErrors = new java.util.TreeSet<>(DicomTestSupport.dciodvfyErrors(out));
        newErrors.removeAll(DicomTestSupport.dciodvfyErrors(in));
        assertEquals(Set.of(), newErrors);
    }

    @Test
    void aFullSizeSliceIsCopiedFileToFileWithPixelBytesIdentical() throws Exception {
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240301", 10);
        Path in = SyntheticStudyGenerator.write(g.ctSeries(1, 320).get(0), dir.resolve("big.dcm"), null);
        assertTrue(Files.size(in) > 200_000, "larger than the 64 KiB head read on the fast path");
        Path out = dir.resolve("big-out.dcm");
        DEID.deidentify(in, out, SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults());
        byte[] a = Files.readAllBytes(in);
        byte[] b = Files.readAllBytes(out);
        int pixelBytes = 320 * 320 * 2 + 12;
        assertArrayEquals(java.util.Arrays.copyOfRange(a, a.length - pixelBytes, a.length),
                java.util.Arrays.copyOfRange(b, b.length - pixelBytes, b.length), "pixel element copied verbatim");
        assertEquals(-1, DicomTestSupport.find(b, "Smithson", DicomTestSupport.charsetsFor(null)));
        assertEquals("YES", value(DicomTestSupport.read(out), 0x0012, 0x0062));
        Set<String> newErrors = new java.util.TreeSet<>(DicomTestSupport.dciodvfyErrors(out));
        newErrors.removeAll(DicomTestSupport.dciodvfyErrors(in));
        assertEquals(Set.of(), newErrors);
    }

    private Path compressed(Path uncompressed, String name) throws Exception {
        Path out = dir.resolve(name);
        String log = DicomTestSupport.run(List.of("dcmcjpeg", uncompressed.toString(), out.toString()), 60);
        assertTrue(Files.exists(out), "dcmcjpeg failed: " + log);
        return out;
    }

    /** The encoded Pixel Data element (tag to end of file) of a file whose pixel data is the last element. */
    private static byte[] pixelElement(byte[] file) {
        byte[] tag = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        for (int i = file.length - tag.length; i >= 0; i--) {
            if (java.util.Arrays.equals(file, i, i + tag.length, tag, 0, tag.length)) {
                return java.util.Arrays.copyOfRange(file, i, file.length);
            }
        }
        throw new AssertionError("no encapsulated pixel data element");
    }

    @Test
    void compressedPixelDataPassesThroughByteForByte() throws Exception {
        Path in = compressed(ct(TransferSyntax.ExplicitVRLittleEndian, SyntheticPatient.latin(), null), "ct-jpegll.dcm");
        Path out = dir.resolve("ct-jpegll-out.dcm");
        DEID.deidentify(in, out, SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults());
        AttributeList b = DicomTestSupport.read(out);
        assertEquals(TransferSyntax.JPEGLosslessSV1, value(b, 0x0002, 0x0010));
        assertArrayEquals(pixelElement(Files.readAllBytes(in)), pixelElement(Files.readAllBytes(out)), "fragments untouched");
        assertEquals(-1, DicomTestSupport.find(Files.readAllBytes(out), "Smithson", DicomTestSupport.charsetsFor(null)));
        // dcmtk can still decode what we wrote
        Path decoded = dir.resolve("decoded.dcm");
        DicomTestSupport.run(List.of("dcmdjpeg", out.toString(), decoded.toString()), 60);
        assertTrue(Files.size(decoded) > 48 * 48 * 2, "dcmdjpeg decodes our output");
    }

    @Test
    void compressedImagesThatNeedCleaningAreRejectedWithAReason() throws Exception {
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240301", 8);
        Path us = compressed(SyntheticStudyGenerator.write(g.ultrasound(), dir.resolve("us.dcm"), null), "us-jpeg.dcm");
        Path out = dir.resolve("us-out.dcm");
        InstanceRejectedException e = assertThrows(InstanceRejectedException.class, () ->
                DEID.deidentify(us, out, SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults()));
        assertEquals(RejectionCode.PIXEL_DATA_NOT_CLEANABLE, e.code());
        assertTrue(e.getMessage().contains("compressed"), e.getMessage());
        assertTrue(Files.notExists(out), "a rejected file is not written");
        // a CT is not text-prone, but asking for Clean Pixel Data on compressed pixels must refuse too
        Path ct = compressed(ct(TransferSyntax.ExplicitVRLittleEndian, SyntheticPatient.latin(), null), "ct2.dcm");
        InstanceRejectedException e2 = assertThrows(InstanceRejectedException.class, () -> DEID.deidentify(ct,
                dir.resolve("ct2-out.dcm"), SyntheticStudyDeidentificationTest.SECRET,
                DeidentificationOptions.of(ProfileOption.CLEAN_PIXEL_DATA)));
        assertEquals(RejectionCode.PIXEL_DATA_NOT_CLEANABLE, e2.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO_IR 144", "ISO_IR 192"})
    void cyrillicTextKeepsItsCharacterSetAndBytes(String charset) throws Exception {
        SyntheticPatient p = charset.equals("ISO_IR 144") ? SyntheticPatient.cyrillicIsoIr144() : SyntheticPatient.cyrillicUtf8();
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(p, "20240301", 9);
        AttributeList l = g.ctSeries(1, 32).get(0);
        Attribute desc = new LongStringAttribute(new AttributeTag(0x0008, 0x1030), new SpecificCharacterSet(new String[] {charset}));
        desc.addValue("КТ ОГК без контраста, пациент Иванов");
        l.put(desc);
        Path in = SyntheticStudyGenerator.write(l, dir.resolve("cyr.dcm"), null);
        Path out = dir.resolve("cyr-out.dcm");
        DEID.deidentify(in, out, SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults());
        AttributeList b = DicomTestSupport.read(out);
        assertEquals(charset, value(b, 0x0008, 0x0005), "Specific Character Set not relabelled");
        assertEquals("КТ ОГК без", value(b, 0x0008, 0x1030));
        byte[] bytes = Files.readAllBytes(out);
        Charset declared = charset.equals("ISO_IR 144") ? Charset.forName("ISO-8859-5") : StandardCharsets.UTF_8;
        Charset other = charset.equals("ISO_IR 144") ? StandardCharsets.UTF_8 : Charset.forName("ISO-8859-5");
        assertTrue(DicomTestSupport.find(bytes, "КТ ОГК без", Set.of(declared)) >= 0, "text encoded in the declared charset");
        assertEquals(-1, DicomTestSupport.find(bytes, "КТ ОГК без", Set.of(other)), "and not in another one");
        // an independent decoder (dcmtk) reads the same text
        String dump = DicomTestSupport.run(List.of("dcmdump", "+U8", "+P", "0008,1030", out.toString()), 30);
        assertTrue(dump.contains("КТ ОГК без"), dump);
        assertEquals(-1, DicomTestSupport.find(bytes, "Иванов", Set.of(declared, other)));
    }
}
